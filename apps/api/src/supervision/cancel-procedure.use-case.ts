import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import { cancelUpdate } from '@kientoan/workflows';
import type { z } from 'zod';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from '../procedures/procedure-finder';
import { ProcedureWorkflowGateway } from '../procedures/procedure-workflow.gateway';
import type { endSchema } from '../procedures/procedure.schemas';

/** A supervisor cancels one procedure with a reason, possible until its decision is approved. */
@Injectable()
export class CancelProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, id: string, body: z.output<typeof endSchema>, idempotencyKey?: string) {
    authorize(ctx.actor, 'supervision.act');
    const procedure = await this.procedures.requireRunning(ctx.actor, id, 'procedure.read');
    const result = await this.workflows.action(
      id,
      cancelUpdate,
      { by: ctx.actor.userId, reason: body.reason },
      idempotencyKey,
    );
    await this.audit.record(ctx, {
      action: 'supervision.cancel',
      role: 'supervisor',
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { step: procedure.currentStep, round: procedure.round },
      after: { ...result, reason: body.reason },
    });
    return result;
  }
}
