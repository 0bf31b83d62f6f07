import { ApplicationFailure } from '@temporalio/activity';
import { type DomainError, type ProcedureStep, ProcedureErrors } from '@kientoan/domain';
import { type Prisma, type PrismaClient, type StoredPlan, currentPlan } from '@kientoan/platform';
import type { AuditContext, ProjectionInput, StepInput, StepKey } from '@kientoan/workflows';
import type { Notifier } from '../notifications/notifier';
import type { Clock } from './clock';
import { writeProcedureView } from './procedure-projection';
import { StepLedger, type Tx } from './step-ledger';

export interface ProcedureActivityDependencies {
  readonly prisma: PrismaClient;
  readonly clock: Clock;
  readonly notifier: Notifier;
}

/** What every group of activities shares. */
export class ActivityContext {
  readonly ledger: StepLedger;

  constructor(readonly deps: ProcedureActivityDependencies) {
    this.ledger = new StepLedger(deps.prisma, deps.clock);
  }

  get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /**
   * The start of a step's activity. Patched runs send the view the step begins with (see `StepInput`): it is
   * written through the projection writer and the step's row begun, each in its own statement before the
   * step's work, so both show while a long step runs (as the separate activities did). Answers the key. A
   * retry writes nothing twice (an equal revision is ignored, the row exists).
   */
  async beginStep({ projection, ...key }: StepInput, step: ProcedureStep): Promise<StepKey> {
    if (projection) {
      await this.project(projection);
      await this.ledger.begin(key, step);
    }
    return key;
  }

  /** Publishes a view of the workflow's through the one writer of the projection. */
  async project({ procedureId, revision, view, seed }: ProjectionInput): Promise<void> {
    await writeProcedureView(this.prisma, {
      procedureId,
      revision,
      view,
      now: this.now(),
      ...(seed ? { seed } : {}),
    });
  }

  /** The procedure's row alone: one statement (steps that do not name the ward need no second one). */
  async loadProcedureRow(db: Tx | PrismaClient, procedureId: string) {
    const procedure = await db.procedure.findUnique({ where: { id: procedureId } });
    if (!procedure) throw nonRetryable(ProcedureErrors.notFound(procedureId));
    return procedure;
  }

  /** The procedure with its ward (name and kind, for texts that name it). */
  async loadProcedure(db: Tx | PrismaClient, procedureId: string) {
    const procedure = await db.procedure.findUnique({ where: { id: procedureId }, include: { ward: true } });
    if (!procedure) throw nonRetryable(ProcedureErrors.notFound(procedureId));
    return procedure;
  }

  /**
   * The procedure's items planned against today's registry: the stored plan while the ward's registry version
   * is unchanged, planned (and stored) only when it moved. `lock` holds the ward's registry until the
   * transaction ends (the issue step applies the plan it read).
   */
  planOf(
    db: Tx | PrismaClient,
    procedure: { id: string; wardCode: string; items: unknown },
    { lock = false }: { lock?: boolean } = {},
  ): Promise<StoredPlan> {
    return currentPlan(db, procedure, { now: this.now(), lock });
  }
}

/**
 * Writes the audit entry of a human action in the caller's transaction, with the change it describes.
 * The dedupe key makes a retried activity write it once.
 */
export const writeAudit = async (
  db: Tx | PrismaClient,
  audit: AuditContext | undefined,
  entry: { action: string; procedureId: string; wardCode: string; after: unknown; dedupeKey: string },
): Promise<void> => {
  if (!audit) return;
  await db.auditEntry.createMany({
    data: [
      {
        actorId: audit.actorId,
        role: audit.role,
        action: entry.action,
        procedureId: entry.procedureId,
        wardCode: entry.wardCode,
        after: entry.after as Prisma.InputJsonValue,
        clientAddress: audit.clientAddress,
        requestId: audit.requestId,
        dedupeKey: entry.dedupeKey,
      },
    ],
    skipDuplicates: true,
  });
};

/** Non-retryable, with the Vietnamese message: the workflow records it as the procedure's failure. */
export const nonRetryable = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({
    type: error.code,
    message: error.messageEn,
    nonRetryable: true,
    details: [{ code: error.code, kind: error.kind, messageVi: error.messageVi }],
  });
