import { ApplicationFailure } from '@temporalio/activity';
import {
  type ChangeSet,
  type DomainError,
  ProcedureErrors,
  type RegistrySnapshot,
  type ResolutionItem,
  planResolution,
} from '@kientoan/domain';
import { type Prisma, type PrismaClient, loadSnapshot } from '@kientoan/platform';
import type { AuditContext, SentBack } from '@kientoan/workflows';
import type { Notifier } from '../notifications/notifier';
import type { Clock } from './clock';
import { StepLedger, type Tx } from './step-ledger';

/** The first reason of a send-back: what happened, before the rules it now breaks. */
const REGISTRY_CHANGED_VI =
  'Sổ đăng ký đã thay đổi sau khi rà soát (một quyết định khác đã được ban hành trước); đề nghị rà soát lại.';

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

  async loadProcedure(db: Tx | PrismaClient, procedureId: string) {
    const procedure = await db.procedure.findUnique({ where: { id: procedureId }, include: { ward: true } });
    if (!procedure) throw nonRetryable(ProcedureErrors.notFound(procedureId));
    return procedure;
  }

  /**
   * The procedure's items planned against today's registry. Review passed them, so a violation here means
   * another decision changed the registry meanwhile: the procedure goes back to the secretary with the
   * reasons (a SentBack the workflow applies), it does not fail.
   */
  async planItems(
    db: Tx | PrismaClient,
    procedure: { wardCode: string; items: unknown },
    newUnitId: () => string,
  ): Promise<{ before: RegistrySnapshot; changeSet: ChangeSet } | SentBack> {
    const before = await loadSnapshot(db, procedure.wardCode);
    const planned = planResolution(before, procedure.items as ResolutionItem[], {
      wardCode: procedure.wardCode,
      newUnitId,
    });
    if (!planned.ok)
      return {
        outcome: 'sent_back',
        to: 'review',
        reasons: [REGISTRY_CHANGED_VI, ...planned.violations.map((v) => `${v.field}: ${v.message}`)],
      };
    return { before, changeSet: planned.changeSet };
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
