import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { ProcedureErrors, draftProblems } from '@kientoan/domain';
import { submitDraftUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { submitDraftSchema } from './procedure.schemas';

/**
 * The secretary submits the draft to the committee, with edits (a new version) or as generated. An edit must
 * keep the blanks the issue step fills (number, signing date, resolution number): 400 otherwise.
 */
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
        argument: () => {
          const problems = draftProblems(body);
          if (problems.length) throw ProcedureErrors.draftBlanksBroken(problems);
          return { ...body, by: ctx.actor.userId };
        },
      },
      idempotencyKey,
    );
  }
}
