import { Inject, Injectable } from '@nestjs/common';
import { type Action, roleFor } from '@kientoan/domain';
import type { UpdateDefinition } from '@temporalio/common';
import type { AuditContext } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';

type RunningProcedure = Awaited<ReturnType<ProcedureFinder['requireRunning']>>;

/**
 * Who acted and in which role (from the access policy), carried with the Update so the worker writes the
 * audit entry in the same transaction as the change.
 */
export const auditContext = (ctx: RequestContext, permission: Action, wardCode?: string): AuditContext => ({
  actorId: ctx.actor.userId,
  role: roleFor(ctx.actor, permission, wardCode) ?? 'unknown',
  clientAddress: ctx.clientAddress,
  requestId: ctx.requestId,
});

/**
 * What every human action on a running procedure does: find it (404), check the role in its ward (403) and
 * that it is still running (409), then send the Update with the audit context (the workflow's validator
 * decides; the worker records the change and its audit entry together).
 */
@Injectable()
export class ProcedureActionRunner {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async run<Result, Arg extends { readonly audit?: AuditContext }>(
    ctx: RequestContext,
    id: string,
    action: {
      readonly permission: Action;
      readonly update: UpdateDefinition<Result, [Arg]>;
      readonly argument: (procedure: RunningProcedure) => Omit<Arg, 'audit'> | Promise<Omit<Arg, 'audit'>>;
    },
    idempotencyKey?: string,
  ): Promise<Result> {
    const procedure = await this.procedures.requireRunning(ctx.actor, id, action.permission);
    const argument = {
      ...(await action.argument(procedure)),
      audit: auditContext(ctx, action.permission, procedure.wardCode),
    } as Arg;
    return this.workflows.action(
      id,
      action.update,
      argument,
      idempotencyKey,
      ctx.receivedAt === undefined ? {} : { since: ctx.receivedAt },
    );
  }
}
