import { Inject, Injectable } from '@nestjs/common';
import { authorize, isDomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { cancelUpdate, escalateUpdate, idempotencyKey, remindUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { auditContext } from '../procedures/procedure-action.runner';
import { ProcedureWorkflowGateway } from '../procedures/procedure-workflow.gateway';
import { runningProceduresWhere } from './procedure-filter';
import type { BulkAction } from './supervision.schemas';

export interface BulkResult {
  readonly procedureId: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

/**
 * Remind, escalate or cancel every running procedure that a filter selects, each through its workflow (an
 * Update), exactly as the workflow's own reminders and escalations: a reminder on a vote goes to the
 * members who have not voted. A dry run only counts; a real run answers per procedure. Reminders and
 * escalations are idempotent per procedure, action and hour.
 */
@Injectable()
export class BulkActionUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(ctx: RequestContext, body: BulkAction) {
    authorize(ctx.actor, 'supervision.act');
    const now = new Date();
    const where = runningProceduresWhere(body.filter, now);
    const matched = await this.prisma.procedure.count({ where });
    if (body.dryRun)
      return { dryRun: true, action: body.action, matched, wouldTouch: Math.min(matched, body.limit) };

    const procedures = await this.prisma.procedure.findMany({
      where,
      orderBy: [{ stalledSince: 'asc' }, { id: 'asc' }],
      take: body.limit,
      include: { ward: true },
    });
    const hour = now.toISOString().slice(0, 13);
    const audit = auditContext(ctx, 'supervision.act');
    const results: BulkResult[] = [];
    for (const p of procedures) {
      try {
        // Through the workflow: the row, the search attribute, the notifications and the audit entry change
        // together. The update id makes a repeat within the hour answer the first result.
        const requestKey = idempotencyKey(`bulk-${body.action}`, p.id, hour);
        if (body.action === 'cancel') {
          await this.workflows.action(
            p.id,
            cancelUpdate,
            { by: ctx.actor.userId, reason: body.reason ?? '', audit },
            idempotencyKey('bulk-cancel', p.id),
          );
        } else {
          await this.workflows.action(
            p.id,
            body.action === 'remind' ? remindUpdate : escalateUpdate,
            { by: ctx.actor.userId, ...(body.reason ? { reason: body.reason } : {}), requestKey, audit },
            requestKey,
          );
        }
        results.push({ procedureId: p.id, ok: true });
      } catch (error) {
        results.push({
          procedureId: p.id,
          ok: false,
          code: isDomainError(error) ? error.code : 'INTERNAL_ERROR',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return {
      dryRun: false,
      action: body.action,
      matched,
      touched: results.filter((r) => r.ok).length,
      results,
    };
  }
}
