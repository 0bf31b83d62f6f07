import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { submitDraftUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { submitDraftSchema } from './procedure.schemas';

/** The secretary submits the draft to the committee, with edits (a new version) or as generated. */
@Injectable()
export class SubmitDraftUseCase {
  constructor(@Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner) {}

  execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof submitDraftSchema>,
    idempotencyKey?: string,
  ) {
    return this.actions.run(
      ctx,
      id,
      {
        permission: 'procedure.submit_draft',
        update: submitDraftUpdate,
        argument: () => ({ ...body, by: ctx.actor.userId }),
      },
      idempotencyKey,
    );
  }
}
