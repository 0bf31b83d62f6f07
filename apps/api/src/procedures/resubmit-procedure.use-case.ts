import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { resubmitUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { resubmitSchema } from './procedure.schemas';

/** The secretary's corrected items after a return: checked against the registry first, then a new review. */
@Injectable()
export class ResubmitProcedureUseCase {
  constructor(
    @Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner,
    @Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner,
  ) {}

  execute(ctx: RequestContext, id: string, body: z.output<typeof resubmitSchema>, idempotencyKey?: string) {
    return this.actions.run(
      ctx,
      id,
      {
        permission: 'procedure.resubmit',
        update: resubmitUpdate,
        argument: async (procedure) => {
          // Stored under the new items: the review that the resubmission starts reads it.
          const subject = { id: procedure.id, wardCode: procedure.wardCode, items: body.items };
          await this.planner.currentPlanOrRefuse(subject);
          return { by: ctx.actor.userId, items: body.items };
        },
      },
      idempotencyKey,
    );
  }
}
