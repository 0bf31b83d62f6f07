/**
 * Issue and announce. Issuing takes the numbers from the issuer's register (NQ and QĐ, per issuer, type and
 * year, gapless), applies the registry changes with the effective date and renders the final documents — all
 * in ONE transaction with the step's completion, so a worker dying midway leaves no gap and no half-applied
 * registry, and a retry finds the stored decision.
 */
import {
  type ChangeSentence,
  type DocumentType,
  ceremonyOf,
  composeResolutionDocuments,
  dateInVietnam,
  documentHtml,
  documentText,
  effectiveDateOnSigning,
  formatDocumentNumber,
  longDate,
  postponedEffectiveDateNote,
  yearInVietnam,
} from '@kientoan/domain';
import {
  EffectiveDateConflict,
  type Prisma,
  applyChangeSet,
  fromDbDate,
  recipientAddress,
} from '@kientoan/platform';
import type { IssuedDecision, ProcedureActivities, StepKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, nonRetryable } from './activity-context';
import { RegistryChanged } from './registry-changed.error';
import type { Tx } from './step-ledger';

type DecisionActivities = Pick<ProcedureActivities, 'issueDecision' | 'announceDecision'>;

interface StoredChanges {
  readonly sentences: readonly ChangeSentence[];
  readonly changeSet: unknown;
}

const takeNumber = async (tx: Tx, issuer: string, docType: DocumentType, year: number): Promise<number> => {
  const register = await tx.decisionRegister.upsert({
    where: { issuer_docType_year: { issuer, docType, year } },
    create: { issuer, docType, year, lastNumber: 1 },
    update: { lastNumber: { increment: 1 } },
  });
  return register.lastNumber;
};

export const decisionActivities = (ctx: ActivityContext): DecisionActivities => ({
  issueDecision: (key: StepKey) =>
    withHeartbeat(() =>
      ctx.ledger.complete<IssuedDecision>(key, 'issue_decision', async (tx) => {
        const existing = await tx.decision.findUnique({ where: { procedureId: key.procedureId } });
        if (existing) {
          return {
            number: existing.number,
            symbol: existing.symbol,
            resolutionSymbol: existing.resolutionSymbol,
            year: existing.year,
            issuedAt: existing.issuedAt.toISOString(),
            changes: (existing.changes as unknown as StoredChanges).sentences.length,
          };
        }
        const procedure = await ctx.loadProcedure(tx, key.procedureId);
        const issuedAt = ctx.now();
        // Never before it is signed: a requested date that passed while the procedure ran becomes the
        // signing date, and the decision says so.
        const { effectiveDate, postponedFrom } = effectiveDateOnSigning(
          procedure.effectiveDate ? fromDbDate(procedure.effectiveDate) : null,
          dateInVietnam(issuedAt),
        );
        let n = 0;
        // Deterministic ids: a retry of this transaction creates the same units.
        const { before, changeSet } = await ctx.planItems(
          tx,
          procedure,
          () => `${procedure.wardCode}.p${procedure.id.slice(0, 8)}-${++n}`,
        );

        const year = yearInVietnam(issuedAt);
        const resolutionNumber = await takeNumber(tx, procedure.wardCode, 'NQ', year);
        const number = await takeNumber(tx, procedure.wardCode, 'QĐ', year);
        const symbol = formatDocumentNumber(number, 'QĐ');
        const resolutionSymbol = formatDocumentNumber(resolutionNumber, 'NQ');
        await applyChangeSet(tx, changeSet, { effectiveDate, decisionRef: symbol }).catch(
          (error: unknown) => {
            throw error instanceof EffectiveDateConflict
              ? nonRetryable(RegistryChanged(error.reasons))
              : error;
          },
        );

        const {
          sentences,
          resolution,
          decision: composed,
        } = composeResolutionDocuments({
          wardKind: procedure.ward.kind,
          wardName: procedure.ward.name,
          title: procedure.title,
          before,
          changeSet,
          signedAt: issuedAt,
          effectiveDate,
          numbers: { resolutionSymbol, decisionSymbol: symbol },
        });
        const decision = postponedFrom
          ? {
              ...composed,
              articles: [...composed.articles, postponedEffectiveDateNote(postponedFrom, effectiveDate)],
            }
          : composed;
        await tx.decision.create({
          data: {
            procedureId: key.procedureId,
            issuer: procedure.wardCode,
            docType: 'QĐ',
            year,
            number,
            symbol,
            resolutionNumber,
            resolutionSymbol,
            issuedAt,
            effectiveDate: new Date(`${effectiveDate}T00:00:00Z`),
            decisionText: documentText(decision),
            decisionHtml: documentHtml(decision, `${symbol} - ${procedure.title}`),
            resolutionText: documentText(resolution),
            resolutionHtml: documentHtml(resolution, `${resolutionSymbol} - ${procedure.title}`),
            changes: { sentences, changeSet } as unknown as Prisma.InputJsonValue,
          },
        });
        return {
          number,
          symbol,
          resolutionSymbol,
          year,
          issuedAt: issuedAt.toISOString(),
          changes: sentences.length,
        };
      }),
    ),

  // An announcement to every affected unit, acknowledgements recorded per unit (see the API).
  announceDecision: (key: StepKey) =>
    withHeartbeat(() =>
      ctx.ledger.complete(key, 'announce', async (tx) => {
        const procedure = await ctx.loadProcedure(tx, key.procedureId);
        const decision = await tx.decision.findUniqueOrThrow({ where: { procedureId: key.procedureId } });
        const { sentences } = decision.changes as unknown as StoredChanges;
        const publishedAt = ctx.now();
        // The secretary's choice at start, or the first working day on or after issue at the ward's seat;
        // never before issue (a chosen date that passed while the procedure ran moves, and the body says so).
        const chosenAt = procedure.ceremonyAt
          ? new Date(procedure.ceremonyAt.getTime() + 7 * 60 * 60 * 1000).toISOString() // Hà Nội, UTC+7
          : null;
        const ceremony = ceremonyOf({
          chosen: chosenAt ? { date: chosenAt.slice(0, 10), time: chosenAt.slice(11, 16) } : null,
          chosenPlace: procedure.ceremonyPlace,
          issuedOn: dateInVietnam(decision.issuedAt),
          wardSeat: `Hội trường Đảng ủy ${procedure.ward.kind === 'phuong' ? 'phường' : 'xã'} ${procedure.ward.name}`,
        });
        const ceremonyAt = new Date(`${ceremony.date}T${ceremony.time}:00+07:00`);
        const ceremonyPlace = ceremony.place;
        const moved = ceremony.movedFrom
          ? ` (dời từ ${longDate(ceremony.movedFrom)} vì quyết định ký sau ngày đó)`
          : '';
        const body = `Công bố Quyết định ${decision.symbol} của Ban Thường vụ Đảng ủy ${procedure.ward.name} về việc ${procedure.title}. Lễ công bố và trao quyết định: ${ceremony.time.replace(':', ' giờ ')} ${longDate(ceremony.date)}, tại ${ceremonyPlace}${moved}.`;
        const announcement = await tx.announcement.upsert({
          where: { procedureId: key.procedureId },
          create: { procedureId: key.procedureId, body, ceremonyAt, ceremonyPlace, publishedAt },
          update: {},
        });
        const byUnit = new Map<string, ChangeSentence>();
        for (const s of sentences) if (!byUnit.has(s.unitId)) byUnit.set(s.unitId, s);
        await tx.announcementRecipient.createMany({
          data: [...byUnit.values()].map((s) => ({
            announcementId: announcement.id,
            unitId: s.unitId,
            unitName: s.unitName,
            message: s.announcement,
          })),
          skipDuplicates: true,
        });
        await ctx.deps.notifier.send(
          [...byUnit.values()].map((s) => ({
            procedureId: key.procedureId,
            dedupeKey: `announcement:${key.procedureId}:${s.unitId}`,
            kind: 'announcement' as const,
            recipient: recipientAddress.unit(s.unitId),
            subject: `Quyết định ${decision.symbol}: ${s.unitName}`,
            body: `${s.announcement}\n${body}`,
          })),
        );
        return { publishedAt: publishedAt.toISOString(), recipients: byUnit.size };
      }),
    ),
});
