/** The committee step: the voters on the day the vote opens, each vote recorded once, the tally. */
import { ProcedureErrors } from '@kientoan/domain';
import { recipientAddress, servingOn } from '@kientoan/platform';
import { type ProcedureActivities, type StepInput, idempotencyKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, nonRetryable, writeAudit } from './activity-context';
import { notifyVoteRecorded } from './procedure-projection';

type VotingActivities = Pick<ProcedureActivities, 'openCommitteeVote' | 'recordVote' | 'closeCommitteeVote'>;

export const votingActivities = (ctx: ActivityContext): VotingActivities => ({
  // The voters are the standing committee on the day the vote opens; stored on the step so a retry (or a
  // replay) sees the same body even if the registry changes meanwhile. The draft version voted on is recorded
  // once per round (vote_round).
  openCommitteeVote: (input: StepInput) =>
    withHeartbeat(async () => {
      const key = await ctx.beginStep(input, 'committee_approval');
      return ctx.ledger.note(key, 'committee_approval', async (tx) => {
        const procedure = await ctx.loadProcedureRow(tx, key.procedureId);
        // Members serving on the day the vote opens.
        const members = await tx.wardCommitteeMember.findMany({
          where: { wardCode: procedure.wardCode, ...servingOn(ctx.now()) },
          orderBy: { id: 'asc' },
          select: { id: true },
        });
        if (members.length === 0) throw nonRetryable(ProcedureErrors.noVoters());
        const voters = members.map((m) => m.id);
        // The vote binds the draft version current now (none can be submitted while it is open): the issue
        // step issues exactly that version's texts.
        const draft = await tx.resolutionDraft.findFirst({
          where: { procedureId: key.procedureId },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        if (draft)
          await tx.voteRound.createMany({
            data: [
              {
                procedureId: key.procedureId,
                round: key.round,
                draftVersion: draft.version,
                openedAt: ctx.now(),
              },
            ],
            skipDuplicates: true,
          });
        await ctx.deps.notifier.send(
          voters.map((voter) => ({
            procedureId: key.procedureId,
            dedupeKey: idempotencyKey('vote_opened', key.procedureId, key.round, voter),
            kind: 'vote_opened' as const,
            recipient: recipientAddress.member(voter),
            subject: `Biểu quyết: ${procedure.title}`,
            body: `Đề nghị đồng chí cho ý kiến biểu quyết (vòng ${key.round}) về dự thảo nghị quyết "${procedure.title}".`,
          })),
          tx,
        );
        return { voters };
      });
    }),

  recordVote: ({ procedureId, round, vote, audit }) =>
    withHeartbeat(async () => {
      // ON CONFLICT DO NOTHING: a retried activity must not fail on its own earlier insert. The vote and its
      // audit entry commit together.
      await ctx.prisma.$transaction(async (tx) => {
        const { wardCode } = await ctx.loadProcedureRow(tx, procedureId);
        await tx.vote.createMany({
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
        await writeAudit(tx, audit, {
          action: 'procedure.vote',
          procedureId,
          wardCode,
          after: { round, voterId: vote.voterId, choice: vote.choice, comment: vote.comment ?? null },
          dedupeKey: idempotencyKey('vote', procedureId, round, vote.voterId),
        });
        await notifyVoteRecorded(tx, procedureId, round);
      });
    }),

  // Patched runs publish the closed vote's view here (the step's row exists since the vote opened).
  closeCommitteeVote: ({ tally, projection, ...key }) =>
    withHeartbeat(async () => {
      if (projection) await ctx.project(projection);
      await ctx.ledger.complete(key, 'committee_approval', () => Promise.resolve({ ...tally }));
    }),
});
