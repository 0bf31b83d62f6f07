import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ChangeKind, ProcedureErrors, authorize, checkStartDates } from '@kientoan/domain';
import { type Clock, Prisma, type PrismaClient, environmentFrom, liveDate } from '@kientoan/platform';
import { procedureWorkflowId } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { StartProcedureBody } from './procedure.schemas';

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
 * Validates the resolution against the registry (400 with every violation, nothing stored), stores the
 * procedure and starts its workflow; returns at once. A failed start removes the row again; a repeated start
 * (same id) is refused with 409 by the primary key and the workflow id.
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
    if (!ward) throw ProcedureErrors.wardNotFound(body.wardCode);
    authorize(ctx.actor, 'procedure.start', ward.code);
    const badDates = checkStartDates({
      today: liveDate(this.clock),
      ...(body.effectiveDate ? { effectiveDate: body.effectiveDate } : {}),
      ...(body.ceremony ? { ceremonyDate: body.ceremony.date } : {}),
      maxDaysAhead: environmentFrom(this.config).EFFECTIVE_DATE_MAX_DAYS_AHEAD,
    });
    if (badDates) throw badDates;
    await this.planner.plan(ward.code, body.items);

    const id = body.id ?? randomUUID();
    const workflowId = procedureWorkflowId(id);
    const kind = kindOf(body);
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
            currentStep: 'review',
          },
        });
        // The audit entry commits with the row it describes.
        await this.audit.record(
          ctx,
          {
            action: 'procedure.start',
            role: 'secretary',
            procedureId: id,
            wardCode: ward.code,
            after: { title: body.title, kind, items: body.items.length },
          },
          tx,
        );
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw ProcedureErrors.alreadyExists(id);
      throw error;
    }

    try {
      await this.workflows.start({ procedureId: id, wardCode: ward.code, kind });
    } catch (error) {
      await this.prisma.procedure.delete({ where: { id } }).catch((cleanup: unknown) => {
        this.logger.error(`Could not remove procedure ${id} after a failed start: ${String(cleanup)}`);
      });
      throw error;
    }
    this.logger.log(`Procedure ${id} started for ${ward.code} (${kind}, ${body.items.length} items)`);
    return { id, workflowId, items: body.items.length };
  }
}
