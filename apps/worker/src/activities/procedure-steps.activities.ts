/**
 * The worker's side of the procedure workflow. Built by `createProcedureActivities({ prisma, clock })` so that
 * tests and the worker inject their own dependencies. Each activity is idempotent on procedure + step + round.
 */
import { ApplicationFailure } from '@temporalio/activity';
import {
  type ChangeKind,
  type DomainError,
  ProcedureErrors,
  formatDocumentNumber,
  renderDraftResolution,
  yearInVietnam,
} from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import type {
  DraftOutcome,
  IssuedDecision,
  OpenedVote,
  ProcedureActivities,
  PublishedAnnouncement,
  ReviewOutcome,
  StepKey,
} from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import type { Clock } from './clock';
import { StepLedger, type Tx } from './step-ledger';

export interface ProcedureActivityDependencies {
  readonly prisma: PrismaClient;
  readonly clock: Clock;
}

const nonRetryable = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: error.code, message: error.messageEn, nonRetryable: true });

export const createProcedureActivities = ({
  prisma,
  clock,
}: ProcedureActivityDependencies): ProcedureActivities => {
  const ledger = new StepLedger(prisma, clock);

  const loadProcedure = async (tx: Tx | PrismaClient, procedureId: string) => {
    const procedure = await tx.procedure.findUnique({ where: { id: procedureId }, include: { ward: true } });
    if (!procedure) throw nonRetryable(ProcedureErrors.notFound(procedureId));
    return procedure;
  };

  return {
    beginStep: ({ step, ...key }) => withHeartbeat(() => ledger.begin(key, step)),

    reviewProposal: (key: StepKey) =>
      withHeartbeat(() =>
        ledger.complete<ReviewOutcome>(key, 'review', async (tx) => {
          const procedure = await loadProcedure(tx, key.procedureId);
          return { accepted: true, wardName: procedure.ward.name };
        }),
      ),

    draftResolution: (key: StepKey) =>
      withHeartbeat(() =>
        ledger.complete<DraftOutcome>(key, 'draft_resolution', async (tx) => {
          const procedure = await loadProcedure(tx, key.procedureId);
          const latest = await tx.resolutionDraft.findFirst({
            where: { procedureId: key.procedureId },
            orderBy: { version: 'desc' },
            select: { version: true },
          });
          const version = (latest?.version ?? 0) + 1;
          const now = clock.now();
          await tx.resolutionDraft.create({
            data: {
              procedureId: key.procedureId,
              version,
              createdAt: now,
              body: renderDraftResolution({
                wardKind: procedure.ward.kind,
                wardName: procedure.ward.name,
                kind: procedure.kind as ChangeKind,
                title: procedure.title,
                date: now,
              }),
            },
          });
          return { version };
        }),
      ),

    // The voters are the standing committee on the day the vote opens; stored on the step so a retry (or a
    // replay) sees the same body even if the registry changes meanwhile.
    openCommitteeVote: (key: StepKey) =>
      withHeartbeat(() =>
        ledger.note<OpenedVote>(key, 'committee_approval', async () => {
          const procedure = await loadProcedure(prisma, key.procedureId);
          const members = await prisma.wardCommitteeMember.findMany({
            where: { wardCode: procedure.wardCode, active: true },
            orderBy: { id: 'asc' },
            select: { id: true },
          });
          if (members.length === 0) throw nonRetryable(ProcedureErrors.noVoters());
          return { voters: members.map((m) => m.id) };
        }),
      ),

    recordVote: ({ procedureId, round, vote }) =>
      withHeartbeat(async () => {
        // ON CONFLICT DO NOTHING: a retried activity must not fail on its own earlier insert.
        await prisma.vote.createMany({
          data: [
            {
              procedureId,
              round,
              voterId: vote.voterId,
              choice: vote.choice,
              comment: vote.comment ?? null,
              idempotencyKey: vote.idempotencyKey,
              castAt: new Date(vote.castAt),
            },
          ],
          skipDuplicates: true,
        });
      }),

    closeCommitteeVote: ({ tally, ...key }) =>
      withHeartbeat(async () => {
        await ledger.complete(key, 'committee_approval', () => Promise.resolve({ ...tally }));
      }),

    // Exactly one number per decision: taking the number, storing the decision and completing the step
    // commit together, so a worker dying midway leaves no gap and a retry finds the stored decision.
    issueDecision: (key: StepKey) =>
      withHeartbeat(() =>
        ledger.complete<IssuedDecision>(key, 'issue_decision', async (tx) => {
          const procedure = await loadProcedure(tx, key.procedureId);
          const existing = await tx.decision.findUnique({ where: { procedureId: key.procedureId } });
          const toOutcome = (d: { number: number; symbol: string; year: number; issuedAt: Date }) => ({
            number: d.number,
            symbol: d.symbol,
            year: d.year,
            issuedAt: d.issuedAt.toISOString(),
          });
          if (existing) return toOutcome(existing);
          const issuedAt = clock.now();
          const year = yearInVietnam(issuedAt);
          const register = await tx.decisionRegister.upsert({
            where: { issuer_docType_year: { issuer: procedure.wardCode, docType: 'QĐ', year } },
            create: { issuer: procedure.wardCode, docType: 'QĐ', year, lastNumber: 1 },
            update: { lastNumber: { increment: 1 } },
          });
          const decision = await tx.decision.create({
            data: {
              procedureId: key.procedureId,
              issuer: procedure.wardCode,
              docType: 'QĐ',
              year,
              number: register.lastNumber,
              symbol: formatDocumentNumber(register.lastNumber, 'QĐ'),
              issuedAt,
            },
          });
          return toOutcome(decision);
        }),
      ),

    announceDecision: (key: StepKey) =>
      withHeartbeat(() =>
        ledger.complete<PublishedAnnouncement>(key, 'announce', async (tx) => {
          const procedure = await loadProcedure(tx, key.procedureId);
          const decision = await tx.decision.findUnique({ where: { procedureId: key.procedureId } });
          const publishedAt = clock.now();
          await tx.announcement.upsert({
            where: { procedureId: key.procedureId },
            create: {
              procedureId: key.procedureId,
              publishedAt,
              body: `Công bố Quyết định ${decision?.symbol ?? ''} của Đảng ủy ${procedure.ward.name}: ${procedure.title}.`,
            },
            update: {},
          });
          return { publishedAt: publishedAt.toISOString() };
        }),
      ),

    completeProcedure: (key: StepKey) =>
      withHeartbeat(async () => {
        await prisma.procedure.updateMany({
          where: { id: key.procedureId, status: 'running' },
          data: { status: 'completed', currentStep: null, completedAt: clock.now() },
        });
      }),
  };
};
