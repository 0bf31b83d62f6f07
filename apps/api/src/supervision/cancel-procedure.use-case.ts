import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import { cancelUpdate } from '@kientoan/workflows';
import type { z } from 'zod';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureActionRunner } from '../procedures/procedure-action.runner';
import type { endSchema } from '../procedures/procedure.schemas';

/** A supervisor cancels one procedure with a reason, possible until its decision is approved. */
@Injectable()
export class CancelProcedureUseCase {
  constructor(@Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner) {}

  execute(ctx: RequestContext, id: string, body: z.output<typeof endSchema>, idempotencyKey?: string) {
    authorize(ctx.actor, 'supervision.act');
    return this.actions.run(
      ctx,
      id,
      {
        permission: 'supervision.act',
        update: cancelUpdate,
        argument: () => ({ by: ctx.actor.userId, reason: body.reason }),
      },
      idempotencyKey,
    );
  }
}
