/**
 * Issue and announce. Issuing takes the texts of the draft version the committee voted on, fills in only the
 * numbers (NQ and QĐ, from the issuer's register: per issuer, type and year, gapless) and the signing date,
 * applies the registry changes with the effective date and stores the documents — all in ONE transaction with
 * the step's completion, so a worker dying midway leaves no gap and no half-applied registry, and a retry finds
 * the stored decision. If the registry moved since the vote so that the approved text is no longer true, the
 * procedure goes back (to drafting, or to review when the items now break rules) and nothing is issued.
 */
import {
  type ChangeSentence,
  type DocumentType,
  type PlannedChanges,
  ceremonyOf,
  composeResolutionDocuments,
  dateInVietnam,
  documentHtml,
  documentHtmlFromText,
  documentText,
  effectiveDateOnSigning,
  fillPlaceholders,
  formatDocumentNumber,
  hasPlaceholders,
  longDate,
  planDifferences,
  postponedEffectiveDateNote,
  sentBackReasons,
  violationReasons,
  yearInVietnam,
} from '@kientoan/domain';
import {
  EffectiveDateConflict,
  type Prisma,
  applyChangeSet,
  fromDbDate,
  planById,
  recipientAddress,
} from '@kientoan/platform';
import type { IssuedDecision, ProcedureActivities, SentBack, StepKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import type { ActivityContext } from './activity-context';
import type { Tx } from './step-ledger';

type DecisionActivities = Pick<ProcedureActivities, 'issueDecision' | 'announceDecision'>;
type IssueOutcome = ({ readonly outcome: 'issued' } & IssuedDecision) | SentBack;

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

/**
 * The draft version the committee voted on: the one recorded when the vote of this round (or the latest
 * earlier round) opened. Votes opened before versions were recorded voted on the latest version (no version
 * can be submitted while a vote is open).
 */
const votedDraft = async (tx: Tx, key: StepKey) => {
  const round = await tx.voteRound.findFirst({
    where: { procedureId: key.procedureId, round: { lte: key.round } },
    orderBy: { round: 'desc' },
  });
  return tx.resolutionDraft.findFirst({
    where: { procedureId: key.procedureId, ...(round ? { version: round.draftVersion } : {}) },
    orderBy: { version: 'desc' },
  });
};

interface IssuedTexts {
  readonly resolutionText: string;
  readonly resolutionHtml: string;
  readonly decisionText: string;
  readonly decisionHtml: string;
}

export const decisionActivities = (ctx: ActivityContext): DecisionActivities => ({
  issueDecision: (key: StepKey) =>
    withHeartbeat(() =>
      issueOnce(ctx, key).catch((error: unknown): IssueOutcome => {
        // A scheduled change stands in the way on the effective date (e.g. the name is taken then): the whole
        // transaction, numbers included, rolled back; the proposal goes back to review with the reasons.
        if (error instanceof EffectiveDateConflict)
          return { outcome: 'sent_back', to: 'review', reasons: sentBackReasons('review', error.reasons) };
        throw error;
      }),
    ),

  // An announcement to every affected unit, acknowledgements recorded per unit (see the API).
  // The step's writes in its transaction; the notices after it (idempotent per unit) on a connection of their
  // own, so the step never waits on the pool while holding a connection.
  announceDecision: (key: StepKey) =>
    withHeartbeat(async () => {
      const outcome = await ctx.ledger.complete(key, 'announce', async (tx) => {
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
        return { publishedAt: publishedAt.toISOString(), recipients: byUnit.size };
      });
      const announcement = await ctx.prisma.announcement.findUniqueOrThrow({
        where: { procedureId: key.procedureId },
        include: { recipients: { orderBy: { id: 'asc' } }, procedure: { select: { decision: true } } },
      });
      const symbol = announcement.procedure.decision?.symbol ?? '';
      await ctx.deps.notifier.send(
        announcement.recipients.map((r) => ({
          procedureId: key.procedureId,
          dedupeKey: `announcement:${key.procedureId}:${r.unitId}`,
          kind: 'announcement' as const,
          recipient: recipientAddress.unit(r.unitId),
          subject: `Quyết định ${symbol}: ${r.unitName}`,
          body: `${r.message}\n${announcement.body}`,
        })),
      );
      return outcome;
    }),
});

/** The issue step in its one transaction (see the file's comment); a retry returns the stored decision. */
const issueOnce = (ctx: ActivityContext, key: StepKey): Promise<IssueOutcome> =>
  ctx.ledger.complete<IssueOutcome>(key, 'issue_decision', async (tx) => {
    const existing = await tx.decision.findUnique({ where: { procedureId: key.procedureId } });
    if (existing) {
      return {
        outcome: 'issued',
        number: existing.number,
        symbol: existing.symbol,
        resolutionSymbol: existing.resolutionSymbol,
        year: existing.year,
        issuedAt: existing.issuedAt.toISOString(),
        changes: (existing.changes as unknown as StoredChanges).sentences.length,
      };
    }
    const procedure = await ctx.loadProcedure(tx, key.procedureId);
    // The ward's registry is held until this transaction ends: the plan read here is the plan applied.
    const current = await ctx.planOf(tx, procedure, { lock: true });
    if (!current.plan.ok)
      return {
        outcome: 'sent_back',
        to: 'review',
        reasons: sentBackReasons('review', violationReasons(current.plan.violations)),
      };
    const approved = await votedDraft(tx, key);
    const voted = approved?.planId != null ? await planById(tx, approved.planId) : undefined;
    if (voted?.plan.ok && voted.id !== current.id) {
      const differences = planDifferences(voted.plan, current.plan);
      if (differences.length)
        return {
          outcome: 'sent_back',
          to: 'draft_resolution',
          reasons: sentBackReasons('draft_resolution', differences),
        };
    }
    const { changeSet, sentences } = current.plan;

    const issuedAt = ctx.now();
    // Never before it is signed: a requested date that passed while the procedure ran becomes the
    // signing date, and the decision says so.
    const { effectiveDate, postponedFrom } = effectiveDateOnSigning(
      procedure.effectiveDate ? fromDbDate(procedure.effectiveDate) : null,
      dateInVietnam(issuedAt),
    );
    const note = postponedFrom ? postponedEffectiveDateNote(postponedFrom, effectiveDate) : null;
    const year = yearInVietnam(issuedAt);
    const resolutionNumber = await takeNumber(tx, procedure.wardCode, 'NQ', year);
    const number = await takeNumber(tx, procedure.wardCode, 'QĐ', year);
    const symbol = formatDocumentNumber(number, 'QĐ');
    const resolutionSymbol = formatDocumentNumber(resolutionNumber, 'NQ');
    await applyChangeSet(tx, changeSet, { effectiveDate, decisionRef: symbol });

    const numbers = { symbol, resolutionSymbol, signedAt: issuedAt };
    const texts: IssuedTexts =
      approved && hasPlaceholders(approved.body) && hasPlaceholders(approved.decisionBody)
        ? approvedTexts(approved, numbers, procedure.title, note)
        : legacyTexts(procedure, current.plan, { ...numbers, effectiveDate }, note);
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
        ...texts,
        changes: { sentences, changeSet } as unknown as Prisma.InputJsonValue,
      },
    });
    return {
      outcome: 'issued',
      number,
      symbol,
      resolutionSymbol,
      year,
      issuedAt: issuedAt.toISOString(),
      changes: sentences.length,
    };
  });

/** The approved words, with the numbers and the signing date filled in. */
const approvedTexts = (
  draft: { readonly body: string; readonly decisionBody: string },
  numbers: { readonly symbol: string; readonly resolutionSymbol: string; readonly signedAt: Date },
  title: string,
  /** Why the effective date moved to the signing date, appended to the approved decision (never rewritten). */
  note: string | null,
): IssuedTexts => {
  const resolutionText = fillPlaceholders('NQ', draft.body, {
    symbol: numbers.resolutionSymbol,
    signedAt: numbers.signedAt,
  });
  const filled = fillPlaceholders('QĐ', draft.decisionBody, numbers);
  const decisionText = note ? `${filled}\n\n${note}` : filled;
  return {
    resolutionText,
    resolutionHtml: documentHtmlFromText(resolutionText, `${numbers.resolutionSymbol} - ${title}`),
    decisionText,
    decisionHtml: documentHtmlFromText(decisionText, `${numbers.symbol} - ${title}`),
  };
};

/** A draft written before drafts had blanks (procedures running during the upgrade): composed as before. */
const legacyTexts = (
  procedure: {
    readonly title: string;
    readonly ward: { readonly kind: 'phuong' | 'xa'; readonly name: string };
  },
  plan: PlannedChanges,
  numbers: { symbol: string; resolutionSymbol: string; signedAt: Date; effectiveDate: string },
  note: string | null,
): IssuedTexts => {
  const { resolution, decision: composed } = composeResolutionDocuments({
    wardKind: procedure.ward.kind,
    wardName: procedure.ward.name,
    title: procedure.title,
    sentences: plan.sentences,
    signedAt: numbers.signedAt,
    effectiveDate: numbers.effectiveDate,
    numbers: { resolutionSymbol: numbers.resolutionSymbol, decisionSymbol: numbers.symbol },
  });
  const decision = note ? { ...composed, notes: [...composed.notes, note] } : composed;
  return {
    resolutionText: documentText(resolution),
    resolutionHtml: documentHtml(resolution, `${numbers.resolutionSymbol} - ${procedure.title}`),
    decisionText: documentText(decision),
    decisionHtml: documentHtml(decision, `${numbers.symbol} - ${procedure.title}`),
  };
};
