import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { isDomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { type ActionResult, withdrawUpdate } from '@kientoan/workflows';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureActionRunner } from './procedure-action.runner';
import type { endSchema } from './procedure.schemas';

/** The secretary withdraws the procedure, possible until the decision is approved. */
@Injectable()
export class WithdrawProcedureUseCase {
  constructor(
    @Inject(ProcedureActionRunner) private readonly actions: ProcedureActionRunner,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  async execute(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof endSchema>,
    idempotencyKey?: string,
  ): Promise<ActionResult> {
    try {
      return await this.actions.run(
        ctx,
        id,
        {
          permission: 'procedure.withdraw',
          update: withdrawUpdate,
          argument: () => ({ ...body, by: ctx.actor.userId }),
        },
        idempotencyKey,
      );
    } catch (error) {
      // A retried withdrawal (same key) whose first attempt ended the workflow: Temporal no longer answers an
      // Update on a closed run, so the first result is read back from what the withdrawal wrote.
      if (idempotencyKey && isDomainError(error) && error.code === 'PROCEDURE_TERMINATED') {
        const withdrawn = await this.withdrawnBy(ctx.actor.userId, id);
        if (withdrawn) return withdrawn;
      }
      throw error;
    }
  }

  /** The row says who ended it (the workflow's view, written before the end's audit entry). */
  private async withdrawnBy(userId: string, id: string): Promise<ActionResult | undefined> {
    const procedure = await this.prisma.procedure.findUnique({
      where: { id },
      select: { status: true, deciderStatus: true, round: true, endedBy: true },
    });
    if (procedure?.status !== 'withdrawn' || procedure.endedBy !== userId) return undefined;
    return { status: (procedure.deciderStatus ?? 'ended') as ActionResult['status'], round: procedure.round };
  }
}
