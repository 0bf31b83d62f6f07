import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { z } from 'zod';
import { ProcedureErrors, draftProblems } from '@kientoan/domain';
import { environmentFrom } from '@kientoan/platform';
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
  private readonly limits: { maxLines: number; maxBytes: number };

  constructor(
    @Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const env = environmentFrom(config);
    this.limits = { maxLines: env.DRAFT_MAX_LINES, maxBytes: env.DRAFT_MAX_BYTES };
  }

  execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof submitDraftSchema>,
    idempotencyKey?: string,
  ) {
    this.refuseOversized('body', body.body);
    this.refuseOversized('decisionBody', body.decisionBody);
    body.documents?.forEach((d, i) => this.refuseOversized(`documents[${i}].body`, d.body));
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

  /** Before anything reaches the workflow: a draft no one could review stops here with 413. */
  private refuseOversized(field: string, text: string | undefined) {
    if (text === undefined) return;
    const bytes = Buffer.byteLength(text, 'utf8');
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
    if (lines > this.limits.maxLines || bytes > this.limits.maxBytes)
      throw ProcedureErrors.draftTooLarge(field, { lines, bytes }, this.limits);
  }
}
