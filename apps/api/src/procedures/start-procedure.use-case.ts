import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ChangeKind, ProcedureErrors, authorize, checkStartDates, roleFor } from '@kientoan/domain';
import { type Clock, type PrismaClient, environmentFrom, liveDate, storePlan } from '@kientoan/platform';
import { type ProcedureSeed, procedureWorkflowId } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from '../registry/registry-errors';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { StartProcedureBody } from './procedure.schemas';

/** The row, its plan and its audit entry: a few statements (Temporal is no longer asked inside). */
const START_TRANSACTION = { timeout: 10_000, maxWait: 5_000 };

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
 * Validates the resolution against the registry (400 with every violation, nothing stored), starts its
 * workflow, then stores the procedure with its plan and audit entry in one transaction; returns at once. A
 * repeated start (same id) is refused with 409 (the row, then the workflow id). The row's status columns are the workflow's.
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

  async execute(ctx: RequestContext, body: StartProcedureBody): Promise<StartedProcedure> {
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
    const id = body.id ?? randomUUID();
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
    // Never a row without a workflow: the workflow starts first, and a failed start stores nothing. Never a
    // workflow without a row: its first view creates the row from `seed` when this transaction does not commit
    // (or has not yet: then the row below only adds what the seed lacks). No PostgreSQL connection is held
    // while Temporal answers the start (a busy Temporal used to hold the API's pool and starve every read).
    if (await this.prisma.procedure.findUnique({ where: { id }, select: { id: true } }))
      throw ProcedureErrors.alreadyExists(id);
    await this.workflows.start({ procedureId: id, wardCode: ward.code, kind, seed });
    const ceremony = {
      // Hà Nội keeps UTC+7 all year.
      ceremonyAt: body.ceremony ? new Date(`${body.ceremony.date}T${body.ceremony.time}:00+07:00`) : null,
      ceremonyPlace: body.ceremony?.place ?? null,
    };
    await this.prisma.$transaction(async (tx) => {
      await tx.procedure.upsert({
        where: { id },
        create: {
          id,
          wardCode: ward.code,
          kind,
          title: body.title,
          items: body.items,
          initiatedBy: ctx.actor.userId,
          effectiveDate: body.effectiveDate ? new Date(`${body.effectiveDate}T00:00:00Z`) : null,
          ...ceremony,
          workflowId,
        },
        // The workflow's first view came first: its status columns stay, the start's own ones are added.
        update: ceremony,
      });
      await storePlan(tx, subject, planned, new Date());
      // The audit entry commits with the row it describes.
      await this.audit.record(
        ctx,
        {
          action: 'procedure.start',
          role: roleFor(ctx.actor, 'procedure.start', ward.code) ?? 'secretary',
          procedureId: id,
          wardCode: ward.code,
          after: { title: body.title, kind, items: body.items.length },
        },
        tx,
      );
    }, START_TRANSACTION);
    this.logger.log(`Procedure ${id} started for ${ward.code} (${kind}, ${body.items.length} items)`);
    return { id, workflowId, items: body.items.length };
  }
}
