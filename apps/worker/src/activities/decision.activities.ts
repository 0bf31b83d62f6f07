/**
 * Issue and announce. Issuing takes the document set of the draft version the committee voted on (one NQ and its
 * decisions), fills in only the numbers (from the issuer's registers: per issuer, type and committee term, from
 * 01, gapless, in the set's fixed order) and the signing date, records every document in the register,
 * applies the registry changes with the effective date and stores the documents — all in ONE transaction with
 * the step's completion, so a worker dying midway leaves no gap and no half-applied registry, and a retry finds
 * the stored decision. If the registry moved since the vote so that the approved text is no longer true, the
 * procedure goes back (to drafting, or to review when the items now break rules) and nothing is issued.
 */
import {
  type ChangeSentence,
  type DraftSetDocument,
  type PlannedChanges,
  type SetRecipient,
  type TermYears,
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
  procedureDocuments,
  recipientAddress,
  recordIssuedDocuments,
  takeNumbers,
  termKey,
  wardTermWithYearsAt,
} from '@kientoan/platform';
import type { IssuedDecision, ProcedureActivities, SentBack, StepInput, StepKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import type { ActivityContext } from './activity-context';
import type { Tx } from './step-ledger';

type DecisionActivities = Pick<ProcedureActivities, 'issueDecision' | 'announceDecision'>;
type IssueOutcome = ({ readonly outcome: 'issued' } & IssuedDecision) | SentBack;

interface StoredChanges {
  readonly sentences: readonly ChangeSentence[];
  readonly changeSet: unknown;
}

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

export const decisionActivities = (ctx: ActivityContext): DecisionActivities => ({
  issueDecision: (input: StepInput) =>
    withHeartbeat(async () =>
      issueOnce(ctx, await ctx.beginStep(input, 'issue_decision')).catch((error: unknown): IssueOutcome => {
        // A scheduled change stands in the way on the effective date (e.g. the name is taken then): the whole
        // transaction, numbers included, rolled back; the proposal goes back to review with the reasons.
        if (error instanceof EffectiveDateConflict)
          return { outcome: 'sent_back', to: 'review', reasons: sentBackReasons('review', error.reasons) };
        throw error;
      }),
    ),

  // An announcement to every affected unit, acknowledgements recorded per unit (see the API).
  announceDecision: (input: StepInput) =>
    withHeartbeat(async () => {
      const key = await ctx.beginStep(input, 'announce');
      return ctx.ledger.complete(key, 'announce', async (tx) => {
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
        // Each decision of the set goes to its own units (decisions issued before sets: the one decision).
        const decisions = (await procedureDocuments(tx, key.procedureId)).filter((d) => d.docType === 'QĐ');
        const decisionOf = new Map<string, { readonly id: bigint | null; readonly symbol: string }>();
        for (const d of decisions)
          for (const r of d.recipients)
            if (!decisionOf.has(r.unitId)) decisionOf.set(r.unitId, { id: BigInt(d.id), symbol: d.symbol });
        const delivered = (unitId: string) => decisionOf.get(unitId) ?? { id: null, symbol: decision.symbol };
        const what =
          decisions.length > 1
            ? `Nghị quyết ${decision.resolutionSymbol} và ${decisions.length} quyết định (${decisions[0]!.symbol.replace(/^Số /, 'số ')} đến ${decisions.at(-1)!.symbol.replace(/^Số /, 'số ')})`
            : `Quyết định ${decision.symbol}`;
        const body = `Công bố ${what} của Ban Thường vụ Đảng ủy ${procedure.ward.name} về việc ${procedure.title}. Lễ công bố và trao quyết định: ${ceremony.time.replace(':', ' giờ ')} ${longDate(ceremony.date)}, tại ${ceremonyPlace}${moved}.`;
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
            documentId: delivered(s.unitId).id,
            documentSymbol: delivered(s.unitId).symbol,
          })),
          skipDuplicates: true,
        });
        await ctx.deps.notifier.send(
          [...byUnit.values()].map((s) => ({
            procedureId: key.procedureId,
            dedupeKey: `announcement:${key.procedureId}:${s.unitId}`,
            kind: 'announcement' as const,
            recipient: recipientAddress.unit(s.unitId),
            subject: `Quyết định ${delivered(s.unitId).symbol}: ${s.unitName}`,
            body: `${s.announcement}\n${body}`,
          })),
          tx,
        );
        return { publishedAt: publishedAt.toISOString(), recipients: byUnit.size };
      });
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
    // The document set the committee voted on (drafts made before sets: one decision for every unit).
    const templated = approved && hasPlaceholders(approved.body) && hasPlaceholders(approved.decisionBody);
    const set = templated ? approvedSet(approved, procedure.title, sentences) : undefined;
    const count = set?.length ?? 1;
    // Numbers per issuer, type and committee term, in the set's fixed order: the NQ, then the decisions.
    // The same term names the working rules in every text (whatever term the draft was made in).
    const { term: span, years: termYears } = await wardTermWithYearsAt(tx, procedure.wardCode, issuedAt);
    const term = termKey(span);
    const resolutionNumber = await takeNumbers(tx, { issuer: procedure.wardCode, docType: 'NQ', term }, 1);
    const number = await takeNumbers(tx, { issuer: procedure.wardCode, docType: 'QĐ', term }, count);
    const symbols = Array.from({ length: count }, (_, i) => formatDocumentNumber(number + i, 'QĐ'));
    const symbol = symbols[0]!;
    const resolutionSymbol = formatDocumentNumber(resolutionNumber, 'NQ');
    await applyChangeSet(tx, changeSet, { effectiveDate, decisionRef: symbol });

    const numbers = { symbol, resolutionSymbol, signedAt: issuedAt, termYears };
    const issued: IssuedSet = set
      ? issueApproved(approved!, set, symbols, numbers, procedure.title, note)
      : legacyTexts(procedure, current.plan, { ...numbers, effectiveDate }, note);
    if (set && set.length > 1) await referEachUnitToItsDecision(tx, issued.decisions, symbol, effectiveDate);
    const [first] = issued.decisions;
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
        resolutionText: issued.resolutionText,
        resolutionHtml: issued.resolutionHtml,
        decisionText: first!.text,
        decisionHtml: first!.html,
        changes: { sentences, changeSet } as unknown as Prisma.InputJsonValue,
      },
    });
    const common = {
      procedureId: key.procedureId,
      issuer: procedure.wardCode,
      term,
      issuedAt,
      effectiveDate,
    };
    await recordIssuedDocuments(tx, [
      {
        ...common,
        position: 0,
        docType: 'NQ',
        number: resolutionNumber,
        symbol: resolutionSymbol,
        purpose: 'resolution',
        title: procedure.title,
        recipients: [],
        text: issued.resolutionText,
        html: issued.resolutionHtml,
      },
      ...issued.decisions.map((d, i) => ({
        ...common,
        position: i + 1,
        docType: 'QĐ' as const,
        number: number + i,
        symbol: symbols[i]!,
        purpose: d.purpose,
        ...(d.unitId ? { unitId: d.unitId } : {}),
        title: d.title,
        recipients: d.recipients,
        text: d.text,
        html: d.html,
      })),
    ]);
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

interface SetDecision {
  readonly purpose: string;
  readonly unitId?: string;
  readonly title: string;
  readonly recipients: readonly SetRecipient[];
}

interface IssuedSet {
  readonly resolutionText: string;
  readonly resolutionHtml: string;
  readonly decisions: readonly (SetDecision & { readonly symbol: string; text: string; html: string })[];
}

/** Every unit a change set touches, once, in order: who receives a decision made for all of them. */
const allUnits = (sentences: readonly ChangeSentence[]): SetRecipient[] => [
  ...new Map(sentences.map((s) => [s.unitId, { unitId: s.unitId, unitName: s.unitName }])).values(),
];

/** The approved set's decisions; a draft from before sets has one decision, for every unit. */
const approvedSet = (
  draft: { readonly decisionBody: string; readonly documents: unknown },
  title: string,
  sentences: readonly ChangeSentence[],
): (SetDecision & { readonly body: string })[] => {
  const documents = draft.documents as readonly DraftSetDocument[] | null;
  return documents?.length
    ? documents.map((d) => ({
        purpose: d.purpose,
        ...(d.unitId ? { unitId: d.unitId } : {}),
        title: d.title,
        recipients: d.recipients,
        body: d.body,
      }))
    : [{ purpose: 'collective', title, recipients: allUnits(sentences), body: draft.decisionBody }];
};

/**
 * Each unit's registry rows name its own decision: applyChangeSet wrote the first decision's number on every row
 * of this issue; the units of the other decisions get theirs (three statements, whatever the size of the set).
 */
const referEachUnitToItsDecision = async (
  tx: Tx,
  decisions: IssuedSet['decisions'],
  firstSymbol: string,
  effectiveDate: string,
) => {
  const pairs = decisions.slice(1).flatMap((d) => d.recipients.map((r) => [r.unitId, d.symbol] as const));
  if (pairs.length === 0) return;
  const units = pairs.map(([u]) => u);
  const refs = pairs.map(([, r]) => r);
  await tx.$executeRaw`UPDATE org_unit_version v SET decision_ref = m.ref
    FROM unnest(${units}::text[], ${refs}::text[]) AS m(unit_id, ref)
    WHERE v.unit_id = m.unit_id AND v.decision_ref = ${firstSymbol} AND v.valid_from = ${effectiveDate}::date`;
  await tx.$executeRaw`UPDATE org_unit_officer o SET decision_ref = m.ref
    FROM unnest(${units}::text[], ${refs}::text[]) AS m(unit_id, ref)
    WHERE o.unit_id = m.unit_id AND o.decision_ref = ${firstSymbol} AND o.valid_from = ${effectiveDate}::date`;
  await tx.$executeRaw`UPDATE org_unit_lineage l SET decision_ref = m.ref
    FROM unnest(${units}::text[], ${refs}::text[]) AS m(unit_id, ref)
    WHERE l.successor_id = m.unit_id AND l.decision_ref = ${firstSymbol} AND l.effective_date = ${effectiveDate}::date`;
};

/** The approved words of every document of the set, with the numbers and the signing date filled in. */
const issueApproved = (
  draft: { readonly body: string },
  set: readonly (SetDecision & { readonly body: string })[],
  symbols: readonly string[],
  numbers: { readonly resolutionSymbol: string; readonly signedAt: Date; readonly termYears: TermYears },
  title: string,
  /** Why the effective date moved to the signing date, appended to each approved decision (never rewritten). */
  note: string | null,
): IssuedSet => {
  const resolutionText = fillPlaceholders('NQ', draft.body, {
    symbol: numbers.resolutionSymbol,
    signedAt: numbers.signedAt,
    termYears: numbers.termYears,
  });
  return {
    resolutionText,
    resolutionHtml: documentHtmlFromText(resolutionText, `${numbers.resolutionSymbol} - ${title}`),
    decisions: set.map(({ body, ...d }, i) => {
      const symbol = symbols[i]!;
      const filled = fillPlaceholders('QĐ', body, { ...numbers, symbol });
      const text = note ? `${filled}\n\n${note}` : filled;
      return { ...d, symbol, text, html: documentHtmlFromText(text, `${symbol} - ${d.title}`) };
    }),
  };
};

/** A draft written before drafts had blanks (procedures running during the upgrade): composed as before. */
const legacyTexts = (
  procedure: {
    readonly title: string;
    readonly ward: { readonly kind: 'phuong' | 'xa'; readonly name: string };
  },
  plan: PlannedChanges,
  numbers: {
    symbol: string;
    resolutionSymbol: string;
    signedAt: Date;
    effectiveDate: string;
    termYears: TermYears;
  },
  note: string | null,
): IssuedSet => {
  const { resolution, decision: composed } = composeResolutionDocuments({
    wardKind: procedure.ward.kind,
    wardName: procedure.ward.name,
    title: procedure.title,
    sentences: plan.sentences,
    signedAt: numbers.signedAt,
    effectiveDate: numbers.effectiveDate,
    termYears: numbers.termYears,
    numbers: { resolutionSymbol: numbers.resolutionSymbol, decisionSymbol: numbers.symbol },
  });
  const decision = note ? { ...composed, notes: [...composed.notes, note] } : composed;
  return {
    resolutionText: documentText(resolution),
    resolutionHtml: documentHtml(resolution, `${numbers.resolutionSymbol} - ${procedure.title}`),
    decisions: [
      {
        purpose: 'collective',
        title: procedure.title,
        recipients: allUnits(plan.sentences),
        symbol: numbers.symbol,
        text: documentText(decision),
        html: documentHtml(decision, `${numbers.symbol} - ${procedure.title}`),
      },
    ],
  };
};
