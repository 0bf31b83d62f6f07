import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { withdrawUpdate } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { endSchema } from './procedure.schemas';

/** The secretary withdraws the procedure, possible until the decision is approved. */
@Injectable()
export class WithdrawProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, id: string, body: z.output<typeof endSchema>, idempotencyKey?: string) {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, 'procedure.withdraw');
    const result = await this.workflows.action(
      id,
      withdrawUpdate,
      { ...body, by: ctx.actor.userId },
      idempotencyKey,
    );
    await this.audit.record(ctx, {
      action: 'procedure.withdraw',
      role: 'secretary',
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { step: procedure.currentStep, round: procedure.round },
      after: result,
    });
    return result;
  }
}
