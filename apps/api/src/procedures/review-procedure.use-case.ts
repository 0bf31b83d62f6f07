import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { reviewUpdate } from '@kientoan/workflows';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { reviewSchema } from './procedure.schemas';

/** The ward office's reviewer accepts the proposal, or returns it to the secretary with reasons. */
@Injectable()
export class ReviewProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(id: string, body: z.output<typeof reviewSchema>, idempotencyKey?: string) {
    await this.procedures.requireRunning(id);
    return this.workflows.action(
      id,
      reviewUpdate,
      { reviewerId: body.reviewerId, accept: body.decision === 'accept', reasons: body.reasons },
      idempotencyKey,
    );
  }
}
