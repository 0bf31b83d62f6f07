import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { resubmitUpdate } from '@kientoan/workflows';
import { ResolutionPlanner } from '../registry/resolution-planner';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { resubmitSchema } from './procedure.schemas';

/** The secretary's corrected items after a return: checked against the registry first, then a new review. */
@Injectable()
export class ResubmitProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner,
  ) {}

  async execute(id: string, body: z.output<typeof resubmitSchema>, idempotencyKey?: string) {
    const procedure = await this.procedures.requireRunning(id);
    await this.planner.plan(procedure.wardCode, body.items);
    return this.workflows.action(id, resubmitUpdate, body, idempotencyKey);
  }
}
