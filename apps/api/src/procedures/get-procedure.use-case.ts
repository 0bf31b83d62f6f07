import { Inject, Injectable } from '@nestjs/common';
import { type Actor, ProcedureErrors, STEP_LABELS, type ProcedureStep, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** A procedure as PostgreSQL records it: the steps done so far, the votes, the decision. */
@Injectable()
export class GetProcedureUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, id: string) {
    const procedure = await this.prisma.procedure.findUnique({
      where: { id },
      include: {
        ward: { select: { code: true, name: true, kind: true } },
        steps: { orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] },
        votes: { orderBy: [{ round: 'asc' }, { castAt: 'asc' }] },
        drafts: { orderBy: { version: 'desc' }, take: 1 },
        decision: {
          select: {
            symbol: true,
            number: true,
            year: true,
            issuedAt: true,
            resolutionSymbol: true,
            effectiveDate: true,
          },
        },
        announcement: { include: { recipients: { select: { acknowledgedAt: true } } } },
      },
    });
    if (!procedure) throw ProcedureErrors.notFound(id);
    authorize(actor, 'procedure.read', procedure.wardCode);
    const label = (step: ProcedureStep | null) => (step ? STEP_LABELS[step] : null);
    return {
      id: procedure.id,
      workflowId: procedure.workflowId,
      ward: procedure.ward,
      kind: procedure.kind,
      title: procedure.title,
      status: procedure.status,
      deciderStatus: procedure.deciderStatus,
      revision: procedure.revision,
      failure: procedure.failureCode
        ? { code: procedure.failureCode, message: procedure.failureMessage }
        : null,
      initiatedBy: procedure.initiatedBy,
      effectiveDate: procedure.effectiveDate?.toISOString().slice(0, 10) ?? null,
      // The ceremony the secretary chose at start (the announcement says when it actually takes place).
      requestedCeremony: procedure.ceremonyAt
        ? { at: procedure.ceremonyAt, place: procedure.ceremonyPlace }
        : null,
      items: procedure.items,
      round: procedure.round,
      currentStep: procedure.currentStep,
      currentStepLabel: label(procedure.currentStep),
      waitingFor: procedure.waitingFor,
      dueAt: procedure.dueAt,
      stalledSince: procedure.stalledSince,
      returnReasons: procedure.returnReasons,
      ended: procedure.endedBy ? { by: procedure.endedBy, reason: procedure.endedReason } : null,
      createdAt: procedure.createdAt,
      completedAt: procedure.completedAt,
      steps: procedure.steps.map((s) => ({
        step: s.step,
        label: STEP_LABELS[s.step],
        round: s.round,
        status: s.status,
        startedAt: s.startedAt,
        completedAt: s.completedAt,
        outcome: s.outcome,
      })),
      votes: procedure.votes.map((v) => ({
        round: v.round,
        voterId: v.voterId,
        choice: v.choice,
        comment: v.comment,
        castAt: v.castAt,
      })),
      latestDraft: procedure.drafts[0]
        ? {
            version: procedure.drafts[0].version,
            body: procedure.drafts[0].body,
            createdAt: procedure.drafts[0].createdAt,
          }
        : null,
      decision: procedure.decision
        ? {
            ...procedure.decision,
            effectiveDate: procedure.decision.effectiveDate.toISOString().slice(0, 10),
          }
        : null,
      announcement: procedure.announcement
        ? {
            body: procedure.announcement.body,
            publishedAt: procedure.announcement.publishedAt,
            ceremonyAt: procedure.announcement.ceremonyAt,
            ceremonyPlace: procedure.announcement.ceremonyPlace,
            recipients: procedure.announcement.recipients.length,
            acknowledged: procedure.announcement.recipients.filter((r) => r.acknowledgedAt).length,
          }
        : null,
    };
  }
}
