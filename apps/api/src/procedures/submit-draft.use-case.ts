import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { submitDraftUpdate } from '@kientoan/workflows';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { submitDraftSchema } from './procedure.schemas';

/** The secretary submits the draft to the committee, with edits (a new version) or as generated. */
@Injectable()
export class SubmitDraftUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(id: string, body: z.output<typeof submitDraftSchema>, idempotencyKey?: string) {
    await this.procedures.requireRunning(id);
    return this.workflows.action(id, submitDraftUpdate, body, idempotencyKey);
  }
}
