import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { reviewUpdate } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { reviewSchema } from './procedure.schemas';

/** The ward office's reviewer accepts the proposal, or returns it to the secretary with reasons. */
@Injectable()
export class ReviewProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof reviewSchema>,
    idempotencyKey?: string,
  ) {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, 'procedure.review');
    const review = {
      reviewerId: ctx.actor.userId,
      accept: body.decision === 'accept',
      reasons: body.reasons,
    };
    const result = await this.workflows.action(id, reviewUpdate, review, idempotencyKey);
    await this.audit.record(ctx, {
      action: `procedure.review.${body.decision}`,
      role: 'reviewer',
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { step: procedure.currentStep, round: procedure.round },
      after: { ...result, reasons: body.reasons },
    });
    return result;
  }
}
