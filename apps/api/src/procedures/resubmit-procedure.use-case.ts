import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { resubmitUpdate } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { resubmitSchema } from './procedure.schemas';

/** The secretary's corrected items after a return: checked against the registry first, then a new review. */
@Injectable()
export class ResubmitProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof resubmitSchema>,
    idempotencyKey?: string,
  ) {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, 'procedure.resubmit');
    await this.planner.plan(procedure.wardCode, body.items);
    const result = await this.workflows.action(
      id,
      resubmitUpdate,
      { by: ctx.actor.userId, items: body.items },
      idempotencyKey,
    );
    await this.audit.record(ctx, {
      action: 'procedure.resubmit',
      role: 'secretary',
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { items: procedure.items },
      after: { items: body.items, ...result },
    });
    return result;
  }
}
