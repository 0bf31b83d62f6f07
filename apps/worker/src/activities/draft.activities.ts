/**
 * The draft step: the resolution and decision texts generated in Vietnamese from the procedure's stored plan,
 * with blanks for the numbers and the signing date that only the issue step fills; the secretary's edits become
 * new versions (every version is kept, so versions can be compared) and must keep those blanks.
 */
import {
  type DraftOutcome,
  type ProcedureActivities,
  type SentBack,
  type StepInput,
  type StepKey,
} from '@kientoan/workflows';
import {
  type DraftSetDocument,
  ProcedureErrors,
  composeDocumentSet,
  documentSigner,
  documentText,
  draftProblems,
  sentBackReasons,
  violationReasons,
} from '@kientoan/domain';
import { type Prisma, fromDbDate, wardTermWithYearsAt } from '@kientoan/platform';
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
    /** The decisions of the set; the first is decisionBody (none: a draft of one decision, as before sets). */
    documents: readonly DraftSetDocument[] | null;
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
  const { documents, ...rest } = draft;
  await tx.resolutionDraft.create({
    data: {
      procedureId: key.procedureId,
      version,
      round: key.round,
      ...rest,
      ...(documents ? { documents: documents as unknown as Prisma.InputJsonValue } : {}),
    },
  });
  return version;
};

export const draftActivities = (ctx: ActivityContext): DraftActivities => ({
  draftResolution: (input: StepInput) =>
    withHeartbeat(async () => {
      const key = await ctx.beginStep(input, 'draft_resolution');
      return ctx.ledger.note<({ readonly outcome: 'drafted' } & DraftOutcome) | SentBack>(
        key,
        'draft_resolution',
        async () => {
          const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
          const { id: planId, plan } = await ctx.planOf(ctx.prisma, procedure);
          // Review passed the items, so another decision changed the registry meanwhile: back to review.
          if (!plan.ok)
            return {
              outcome: 'sent_back',
              to: 'review',
              reasons: sentBackReasons('review', violationReasons(plan.violations)),
            };
          // The signer's name is part of the approved words (the registry's secretary, or a deputy).
          const members = await ctx.prisma.wardCommitteeMember.findMany({
            where: { wardCode: procedure.wardCode, active: true },
            select: { fullName: true, position: true },
            orderBy: { id: 'asc' },
          });
          const signer = documentSigner(members);
          // The term in force today names the working rules in the grounds (the issue step names the signing
          // date's, the term it numbers in).
          const generatedAt = ctx.now();
          const { years: termYears } = await wardTermWithYearsAt(ctx.prisma, procedure.wardCode, generatedAt);
          // The whole document set: the resolution and every decision it leads to (document-set.ts); the
          // committee votes on all of it.
          const { resolution, decisions } = composeDocumentSet({
            ...(signer ? { signer } : {}),
            wardKind: procedure.ward.kind,
            wardName: procedure.ward.name,
            title: procedure.title,
            changeSet: plan.changeSet,
            sentences: plan.sentences,
            signedAt: generatedAt,
            termYears,
            ...(procedure.effectiveDate ? { effectiveDate: fromDbDate(procedure.effectiveDate) } : {}),
          });
          const documents = decisions.map(({ model, ...d }): DraftSetDocument => ({
            ...d,
            body: documentText(model),
          }));
          const version = await ctx.prisma.$transaction((tx) =>
            addVersion(tx, key, {
              origin: 'generated',
              authorId: 'system',
              body: documentText(resolution),
              decisionBody: documents[0]?.body ?? '',
              documents,
              createdAt: ctx.now(),
              planId,
            }),
          );
          return { outcome: 'drafted', version };
        },
      );
    }),

  submitDraft: ({ by, body, decisionBody, documents: editedDocuments, audit, ...key }) =>
    withHeartbeat(() =>
      ctx.ledger.complete(key, 'draft_resolution', (tx) =>
        (async () => {
          // The API refuses such a text with 400 first; this guards every other way in.
          const problems = draftProblems({ body, decisionBody, documents: editedDocuments });
          if (problems.length) throw nonRetryable(ProcedureErrors.draftBlanksBroken(problems));
          const procedure = await ctx.loadProcedureRow(tx, key.procedureId);
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
          // The set with the secretary's edits: any decision by position, the first also as decisionBody.
          const set = (latest?.documents ?? null) as DraftSetDocument[] | null;
          const unknown = (editedDocuments ?? []).filter((e) => !set?.some((d) => d.position === e.position));
          if (unknown.length)
            throw nonRetryable(
              ProcedureErrors.draftBlanksBroken(
                unknown.map((e) => ({
                  field: 'documents',
                  reason: `Bộ văn bản không có quyết định thứ ${e.position}.`,
                })),
              ),
            );
          const editOf = new Map((editedDocuments ?? []).map((e) => [e.position, e.body]));
          if (decisionBody !== undefined && set?.length) editOf.set(set[0]!.position, decisionBody);
          const documents = set?.length
            ? set.map((d) => ({ ...d, body: editOf.get(d.position) ?? d.body }))
            : null;
          const newDecisionBody = documents?.[0]?.body ?? decisionBody ?? latest?.decisionBody ?? '';
          const edited =
            (body !== undefined && body !== latest?.body) ||
            newDecisionBody !== (latest?.decisionBody ?? '') ||
            (documents ?? []).some((d, i) => d.body !== set![i]!.body);
          if (!edited && latest) {
            await submitted(latest.version, false);
            return { version: latest.version, by };
          }
          const version = await addVersion(tx, key, {
            origin: 'edited',
            authorId: by,
            body: body ?? latest?.body ?? '',
            decisionBody: newDecisionBody,
            documents,
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
