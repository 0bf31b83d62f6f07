/**
 * The draft step: the resolution and decision texts generated in Vietnamese from the procedure's stored plan,
 * with blanks for the numbers and the signing date that only the issue step fills; the secretary's edits become
 * new versions (every version is kept, so versions can be compared) and must keep those blanks.
 */
import {
  type DraftOutcome,
  type ProcedureActivities,
  type SentBack,
  type StepKey,
} from '@kientoan/workflows';
import {
  ProcedureErrors,
  composeResolutionDocuments,
  documentSigner,
  documentText,
  draftProblems,
  sentBackReasons,
  violationReasons,
} from '@kientoan/domain';
import { fromDbDate } from '@kientoan/platform';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, nonRetryable, writeAudit } from './activity-context';
import type { Tx } from './step-ledger';

type DraftActivities = Pick<ProcedureActivities, 'draftResolution' | 'submitDraft'>;

/** Stores the next version of the procedure's draft; returns its number. */
const addVersion = async (
  tx: Tx,
  key: StepKey,
  draft: {
    origin: 'generated' | 'edited';
    authorId: string;
    body: string;
    decisionBody: string;
    createdAt: Date;
    /** The plan the texts describe. */
    planId: bigint | null;
  },
): Promise<number> => {
  const latest = await tx.resolutionDraft.findFirst({
    where: { procedureId: key.procedureId },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (latest?.version ?? 0) + 1;
  await tx.resolutionDraft.create({
    data: { procedureId: key.procedureId, version, round: key.round, ...draft },
  });
  return version;
};

export const draftActivities = (ctx: ActivityContext): DraftActivities => ({
  draftResolution: (key: StepKey) =>
    withHeartbeat(() =>
      ctx.ledger.note<({ readonly outcome: 'drafted' } & DraftOutcome) | SentBack>(
        key,
        'draft_resolution',
        // Everything through `tx`: the new version commits with the step's outcome or not at all.
        async (tx) => {
          const procedure = await ctx.loadProcedure(tx, key.procedureId);
          const { id: planId, plan } = await ctx.planOf(tx, procedure);
          // Review passed the items, so another decision changed the registry meanwhile: back to review.
          if (!plan.ok)
            return {
              outcome: 'sent_back',
              to: 'review',
              reasons: sentBackReasons('review', violationReasons(plan.violations)),
            };
          // The signer's name is part of the approved words (the registry's secretary, or a deputy).
          const members = await tx.wardCommitteeMember.findMany({
            where: { wardCode: procedure.wardCode, active: true },
            select: { fullName: true, position: true },
            orderBy: { id: 'asc' },
          });
          const signer = documentSigner(members);
          const { resolution, decision } = composeResolutionDocuments({
            ...(signer ? { signer } : {}),
            wardKind: procedure.ward.kind,
            wardName: procedure.ward.name,
            title: procedure.title,
            sentences: plan.sentences,
            signedAt: ctx.now(),
            ...(procedure.effectiveDate ? { effectiveDate: fromDbDate(procedure.effectiveDate) } : {}),
          });
          const version = await addVersion(tx, key, {
            origin: 'generated',
            authorId: 'system',
            body: documentText(resolution),
            decisionBody: documentText(decision),
            createdAt: ctx.now(),
            planId,
          });
          return { outcome: 'drafted', version };
        },
      ),
    ),

  submitDraft: ({ by, body, decisionBody, audit, ...key }) =>
    withHeartbeat(() =>
      ctx.ledger.complete(key, 'draft_resolution', (tx) =>
        (async () => {
          // The API refuses such a text with 400 first; this guards every other way in.
          const problems = draftProblems({ body, decisionBody });
          if (problems.length) throw nonRetryable(ProcedureErrors.draftBlanksBroken(problems));
          const procedure = await ctx.loadProcedure(tx, key.procedureId);
          const submitted = (version: number, editedNow: boolean) =>
            writeAudit(tx, audit, {
              action: 'procedure.submit_draft',
              procedureId: key.procedureId,
              wardCode: procedure.wardCode,
              after: { round: key.round, version, edited: editedNow },
              dedupeKey: `submit_draft:${key.procedureId}:${key.round}`,
            });
          const latest = await tx.resolutionDraft.findFirst({
            where: { procedureId: key.procedureId },
            orderBy: { version: 'desc' },
          });
          const edited =
            (body !== undefined && body !== latest?.body) ||
            (decisionBody !== undefined && decisionBody !== latest?.decisionBody);
          if (!edited && latest) {
            await submitted(latest.version, false);
            return { version: latest.version, by };
          }
          const version = await addVersion(tx, key, {
            origin: 'edited',
            authorId: by,
            body: body ?? latest?.body ?? '',
            decisionBody: decisionBody ?? latest?.decisionBody ?? '',
            createdAt: ctx.now(),
            // The edit describes the same change as the version it edits.
            planId: latest?.planId ?? null,
          });
          await submitted(version, true);
          return { version, by };
        })(),
      ),
    ),
});
