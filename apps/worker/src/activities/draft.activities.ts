/**
 * The draft step: the resolution and decision texts generated in Vietnamese from the registry and the
 * items; the secretary's edits become new versions (every version is kept, so versions can be compared).
 */
import { composeResolutionDocuments, documentText } from '@kientoan/domain';
import { type ProcedureActivities, type StepKey, isSentBack } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, writeAudit } from './activity-context';
import type { Tx } from './step-ledger';

type DraftActivities = Pick<ProcedureActivities, 'draftResolution' | 'submitDraft'>;

const nextVersion = async (tx: Tx, procedureId: string) =>
  ((
    await tx.resolutionDraft.findFirst({
      where: { procedureId },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
  )?.version ?? 0) + 1;

export const draftActivities = (ctx: ActivityContext): DraftActivities => ({
  draftResolution: (key: StepKey) =>
    withHeartbeat(() =>
      ctx.ledger.note(key, 'draft_resolution', async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
        const planned = await ctx.planItems(ctx.prisma, procedure, () => 'draft');
        if (isSentBack(planned)) return planned;
        const { before, changeSet } = planned;
        const { resolution, decision } = composeResolutionDocuments({
          wardKind: procedure.ward.kind,
          wardName: procedure.ward.name,
          title: procedure.title,
          before,
          changeSet,
          signedAt: ctx.now(),
          effectiveDate: (procedure.effectiveDate ?? ctx.now()).toISOString().slice(0, 10),
        });
        return ctx.prisma.$transaction(async (tx) => {
          const version = await nextVersion(tx, key.procedureId);
          await tx.resolutionDraft.create({
            data: {
              procedureId: key.procedureId,
              version,
              round: key.round,
              origin: 'generated',
              authorId: 'system',
              body: documentText(resolution),
              decisionBody: documentText(decision),
              createdAt: ctx.now(),
            },
          });
          return { outcome: 'drafted' as const, version };
        });
      }),
    ),

  submitDraft: ({ by, body, decisionBody, audit, ...key }) =>
    withHeartbeat(() =>
      ctx.ledger.complete(key, 'draft_resolution', (tx) =>
        (async () => {
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
          const version = await nextVersion(tx, key.procedureId);
          await tx.resolutionDraft.create({
            data: {
              procedureId: key.procedureId,
              version,
              round: key.round,
              origin: 'edited',
              authorId: by,
              body: body ?? latest?.body ?? '',
              decisionBody: decisionBody ?? latest?.decisionBody ?? '',
              createdAt: ctx.now(),
            },
          });
          await submitted(version, true);
          return { version, by };
        })(),
      ),
    ),
});
