import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { reviewUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { reviewSchema } from './procedure.schemas';

/** The ward office's reviewer accepts the proposal, or returns it to the secretary with reasons. */
@Injectable()
export class ReviewProcedureUseCase {
  constructor(@Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner) {}

  execute(ctx: RequestContext, id: string, body: z.output<typeof reviewSchema>, idempotencyKey?: string) {
    return this.actions.run(
      ctx,
      id,
      {
        permission: 'procedure.review',
        update: reviewUpdate,
        argument: () => ({
          reviewerId: ctx.actor.userId,
          accept: body.decision === 'accept',
          reasons: body.reasons,
        }),
      },
      idempotencyKey,
    );
  }
}
