import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type ResolutionItem, planResolution, previewResolution } from '@kientoan/domain';
import { type PrismaClient, loadSnapshot } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureFinder } from '../procedures/procedure-finder';

/** One task with what is needed to act on it: the draft, the registry diff, the votes so far, the deadline. */
@Injectable()
export class GetTaskUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
  ) {}

  async execute(actor: Actor, procedureId: string) {
    const procedure = await this.procedures.require(actor, procedureId, 'procedure.read');
    const [draft, votes, snapshot] = await Promise.all([
      this.prisma.resolutionDraft.findFirst({ where: { procedureId }, orderBy: { version: 'desc' } }),
      this.prisma.vote.findMany({
        where: { procedureId, round: procedure.round },
        orderBy: { castAt: 'asc' },
      }),
      loadSnapshot(this.prisma, procedure.wardCode),
    ]);
    const planned = planResolution(snapshot, procedure.items as unknown as ResolutionItem[], {
      wardCode: procedure.wardCode,
      newUnitId: () => `new:${randomUUID()}`,
    });
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
      diff: planned.ok ? previewResolution(snapshot, planned.changeSet) : { violations: planned.violations },
      votes: votes.map((v) => ({
        voterId: v.voterId,
        choice: v.choice,
        comment: v.comment,
        castAt: v.castAt,
      })),
    };
  }
}
