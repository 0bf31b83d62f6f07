import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { auditContext } from '../procedures/procedure-action.runner';
import { SupervisorAction } from './jobs/supervisor-action';
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
    @Inject(SupervisorAction) private readonly actions: SupervisorAction,
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
      select: { id: true },
    });
    const hour = now.toISOString().slice(0, 13);
    const audit = auditContext(ctx, 'supervision.act');
    const results: BulkResult[] = [];
    for (const p of procedures)
      results.push({
        procedureId: p.id,
        ...(await this.actions.apply(p.id, body.action, {
          by: ctx.actor.userId,
          reason: body.reason ?? null,
          audit,
          hour,
        })),
      });
    return {
      dryRun: false,
      action: body.action,
      matched,
      touched: results.filter((r) => r.ok).length,
      results,
    };
  }
}
