import { Inject, Injectable } from '@nestjs/common';
import type { Action } from '@kientoan/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';

type RunningProcedure = Awaited<ReturnType<ProcedureFinder['requireRunning']>>;

/**
 * What every human action on a running procedure does: find it (404), check the role in its ward (403) and
 * that it is still running (409), send the Update (the workflow's validator decides), audit the outcome.
 */
@Injectable()
export class ProcedureActionRunner {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async run<Result, Arg>(
    ctx: RequestContext,
    id: string,
    action: {
      readonly permission: Action;
      readonly role: string;
      /** The audit trail's name for the action; defaults to the permission. */
      readonly audit?: string;
      readonly update: UpdateDefinition<Result, [Arg]>;
      readonly argument: (procedure: RunningProcedure) => Arg | Promise<Arg>;
      readonly audited?: (result: Result) => unknown;
    },
    idempotencyKey?: string,
  ): Promise<Result> {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, action.permission);
    const result = await this.workflows.action(
      id,
      action.update,
      await action.argument(procedure),
      idempotencyKey,
    );
    await this.audit.record(ctx, {
      action: action.audit ?? action.permission,
      role: action.role,
      procedureId: id,
      wardCode: procedure.wardCode,
      before: { step: procedure.currentStep, round: procedure.round },
      after: action.audited ? action.audited(result) : result,
    });
    return result;
  }
}
