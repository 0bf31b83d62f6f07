import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { submitDraftUpdate } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { submitDraftSchema } from './procedure.schemas';

/** The secretary submits the draft to the committee, with edits (a new version) or as generated. */
@Injectable()
export class SubmitDraftUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof submitDraftSchema>,
    idempotencyKey?: string,
  ) {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, 'procedure.submit_draft');
    const result = await this.workflows.action(
      id,
      submitDraftUpdate,
      { ...body, by: ctx.actor.userId },
      idempotencyKey,
    );
    await this.audit.record(ctx, {
      action: 'procedure.submit_draft',
      role: 'secretary',
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { step: procedure.currentStep, round: procedure.round },
      after: result,
    });
    return result;
  }
}
