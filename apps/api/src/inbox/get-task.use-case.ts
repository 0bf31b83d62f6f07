import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ProcedurePlan } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureFinder } from '../procedures/procedure-finder';
import { ResolutionPlanner } from '../registry/resolution-planner';

/** One task with what is needed to act on it: the draft, the registry diff, the votes so far, the deadline. */
@Injectable()
export class GetTaskUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner,
  ) {}

  /**
   * The stored plan while the registry is unchanged (planned again only when it moved); once the decision is
   * issued, the plan it applied (today's registry already contains it).
   */
  private async planOf(procedure: { id: string; wardCode: string; items: unknown }): Promise<ProcedurePlan> {
    const issued = await this.prisma.decision.findUnique({
      where: { procedureId: procedure.id },
      select: { id: true },
    });
    const applied = issued
      ? await this.prisma.procedurePlan.findFirst({
          where: { procedureId: procedure.id },
          orderBy: { id: 'desc' },
          select: { plan: true },
        })
      : null;
    if (applied) return applied.plan as unknown as ProcedurePlan;
    return (await this.planner.currentPlan(procedure)).plan;
  }

  async execute(actor: Actor, procedureId: string) {
    const procedure = await this.procedures.require(actor, procedureId, 'procedure.read');
    const [draft, votes, plan] = await Promise.all([
      this.prisma.resolutionDraft.findFirst({ where: { procedureId }, orderBy: { version: 'desc' } }),
      this.prisma.vote.findMany({
        where: { procedureId, round: procedure.round },
        orderBy: { castAt: 'asc' },
      }),
      this.planOf(procedure),
    ]);
    return {
      procedureId,
      title: procedure.title,
      wardCode: procedure.wardCode,
      step: procedure.currentStep,
      waitingFor: procedure.waitingFor,
      round: procedure.round,
      dueAt: procedure.dueAt,
      stalledSince: procedure.stalledSince,
      draft: draft ? { version: draft.version, body: draft.body, decisionBody: draft.decisionBody } : null,
      diff: plan.ok ? plan.preview : { violations: plan.violations },
      votes: votes.map((v) => ({
        voterId: v.voterId,
        choice: v.choice,
        comment: v.comment,
        castAt: v.castAt,
      })),
    };
  }
}
