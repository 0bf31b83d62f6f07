import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type ChangeKind,
  ProcedureErrors,
  authorize,
  checkStartDates,
  isDomainError,
  roleFor,
} from '@kientoan/domain';
import {
  type Clock,
  Prisma,
  type PrismaClient,
  environmentFrom,
  liveDate,
  storePlan,
} from '@kientoan/platform';
import { type ProcedureSeed, procedureWorkflowId, startAuditKey } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from '../registry/registry-errors';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { StartProcedureBody } from './procedure.schemas';

/** Room for Temporal to answer the start on a busy machine (Prisma's default is 5 s). */
const START_TRANSACTION = { timeout: 20_000, maxWait: 5_000 };

export interface StartedProcedure {
  readonly id: string;
  readonly workflowId: string;
  readonly items: number;
}

/** The procedure's kind: its items' common kind, or "mixed" (Kim Liên: establishments and renames). */
const kindOf = (body: StartProcedureBody): ChangeKind | 'mixed' => {
  const kinds = new Set(body.items.map((i) => i.kind));
  return body.kind ?? (kinds.size === 1 ? [...kinds][0]! : 'mixed');
};

/**
 * The procedure id a client's Idempotency-Key stands for (a name-based UUID of the account and the key): a
 * retried start finds the procedure the first attempt started, whatever happened to that attempt's answer.
 */
/** Stored JSON against a request's: equal when they say the same (key order and absent fields aside). */
const sameJson = (stored: unknown, sent: unknown): boolean =>
  isDeepStrictEqual(stored, JSON.parse(JSON.stringify(sent)) as unknown);

export const procedureIdForKey = (userId: string, key: string): string => {
  const hex = createHash('sha256').update(`procedure.start\u0000${userId}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * Validates the resolution against the registry (400 with every violation, nothing stored), stores the
 * procedure with its plan and starts its workflow in one transaction; returns at once. A repeated start (same
 * id) is refused with 409 by the primary key and the workflow id. The row's status columns are the workflow's.
 */
@Injectable()
export class StartProcedureUseCase {
  private readonly logger = new Logger(StartProcedureUseCase.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  /**
   * With an Idempotency-Key, a repeat of the same start answers the first one's result (202, same id) instead of
   * starting a second procedure; also when the first attempt's answer was lost after the workflow started.
   */
  async execute(
    ctx: RequestContext,
    body: StartProcedureBody,
    idempotencyKey?: string,
  ): Promise<StartedProcedure> {
    const ward = await this.prisma.ward.findUnique({
      where: { code: body.wardCode },
      select: { code: true },
    });
    if (!ward) throw RegistryErrors.wardNotFound(body.wardCode);
    authorize(ctx.actor, 'procedure.start', ward.code);
    const badDates = checkStartDates({
      today: liveDate(this.clock),
      ...(body.effectiveDate ? { effectiveDate: body.effectiveDate } : {}),
      ...(body.ceremony ? { ceremonyDate: body.ceremony.date } : {}),
      maxDaysAhead: environmentFrom(this.config).EFFECTIVE_DATE_MAX_DAYS_AHEAD,
    });
    if (badDates) throw badDates;
    const id =
      body.id ?? (idempotencyKey ? procedureIdForKey(ctx.actor.userId, idempotencyKey) : randomUUID());
    const replay = idempotencyKey ? await this.startedBefore(ctx, id, body, idempotencyKey) : undefined;
    if (replay) return replay;
    const subject = { id, wardCode: ward.code, items: body.items };
    // Planned once here and stored with the procedure: the worker's steps reuse it while the registry stands.
    const planned = await this.planner.planProcedure(subject);

    const workflowId = procedureWorkflowId(id);
    const kind = kindOf(body);
    const seed: ProcedureSeed = {
      wardCode: ward.code,
      kind,
      title: body.title,
      items: body.items,
      initiatedBy: ctx.actor.userId,
      effectiveDate: body.effectiveDate ?? null,
    };
    const role = roleFor(ctx.actor, 'procedure.start', ward.code) ?? 'secretary';
    const after = { title: body.title, kind, items: body.items.length };
    // If this transaction does not commit after the start, the workflow creates the row and this entry.
    const startSeed: ProcedureSeed = {
      ...seed,
      audit: {
        actorId: ctx.actor.userId,
        role,
        clientAddress: ctx.clientAddress,
        requestId: ctx.requestId,
        after,
      },
    };
    // Never a row without a workflow: the workflow starts inside the row's transaction, so a failed start
    // rolls the row (and its audit entry) back. Never a workflow without a row: the workflow's first view
    // creates the row from `seed` if this transaction did not commit after the start.
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.procedure.create({
          data: {
            id,
            wardCode: ward.code,
            kind,
            title: body.title,
            items: body.items,
            initiatedBy: ctx.actor.userId,
            effectiveDate: body.effectiveDate ? new Date(`${body.effectiveDate}T00:00:00Z`) : null,
            // Hà Nội keeps UTC+7 all year.
            ceremonyAt: body.ceremony
              ? new Date(`${body.ceremony.date}T${body.ceremony.time}:00+07:00`)
              : null,
            ceremonyPlace: body.ceremony?.place ?? null,
            workflowId,
          },
        });
        await storePlan(tx, subject, planned, new Date());
        // The audit entry commits with the row it describes.
        await this.audit.record(
          ctx,
          {
            action: 'procedure.start',
            role,
            procedureId: id,
            wardCode: ward.code,
            after,
            dedupeKey: startAuditKey(id),
          },
          tx,
        );
        try {
          await this.workflows.start({ procedureId: id, wardCode: ward.code, kind, seed: startSeed });
        } catch (error) {
          // A repeat of a start whose workflow runs but whose row never committed: this transaction commits
          // the row and its audit entry now (the workflow's first view then finds them).
          if (!(idempotencyKey && isDomainError(error) && error.code === 'PROCEDURE_ALREADY_EXISTS'))
            throw error;
        }
      }, START_TRANSACTION);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        // The same start committed meanwhile (its first attempt, or the workflow's first view).
        const replayed = idempotencyKey ? await this.startedBefore(ctx, id, body, idempotencyKey) : undefined;
        if (replayed) return replayed;
        throw ProcedureErrors.alreadyExists(id);
      }
      throw error;
    }
    this.logger.log(`Procedure ${id} started for ${ward.code} (${kind}, ${body.items.length} items)`);
    return { id, workflowId, items: body.items.length };
  }

  /** The procedure this account started with this id before (a repeat of the same start), if any. */
  private async startedBefore(
    ctx: RequestContext,
    id: string,
    body: StartProcedureBody,
    key?: string,
  ): Promise<StartedProcedure | undefined> {
    const existing = await this.prisma.procedure.findUnique({
      where: { id },
      select: { initiatedBy: true, wardCode: true, workflowId: true, title: true, items: true },
    });
    if (!existing) return undefined;
    if (existing.initiatedBy !== ctx.actor.userId || existing.wardCode !== body.wardCode)
      throw ProcedureErrors.alreadyExists(id);
    // The same key with other content is a client bug (or a second proposal): answering the first one's
    // result would make the client believe its new proposal was started.
    if (key && (existing.title !== body.title || !sameJson(existing.items, body.items)))
      throw ProcedureErrors.idempotencyKeyReused(key, 'start');
    return { id, workflowId: existing.workflowId, items: body.items.length };
  }
}
