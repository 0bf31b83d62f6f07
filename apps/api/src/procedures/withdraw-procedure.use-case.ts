import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { withdrawUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { endSchema } from './procedure.schemas';

/** The secretary withdraws the procedure, possible until the decision is approved. */
@Injectable()
export class WithdrawProcedureUseCase {
  constructor(@Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner) {}

  execute(ctx: RequestContext, id: string, body: z.output<typeof endSchema>, idempotencyKey?: string) {
    return this.actions.run(
      ctx,
      id,
      {
        permission: 'procedure.withdraw',
        update: withdrawUpdate,
        argument: () => ({ ...body, by: ctx.actor.userId }),
      },
      idempotencyKey,
    );
  }
}
