import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { withdrawUpdate } from '@kientoan/workflows';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { endSchema } from './procedure.schemas';

/** The secretary withdraws the procedure, possible until the decision is approved. */
@Injectable()
export class WithdrawProcedureUseCase {
  constructor(
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(id: string, body: z.output<typeof endSchema>, idempotencyKey?: string) {
    await this.procedures.requireRunning(id);
    return this.workflows.action(id, withdrawUpdate, body, idempotencyKey);
  }
}
