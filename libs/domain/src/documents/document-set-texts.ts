/**
 * The texts of a resolution's document set (document-set.ts plans it): the resolution (NQ) for the whole
 * procedure, and each decision (QĐ) with its own summary, articles and (above a few units) annex, composed in the
 * Party layout (party-documents.ts). A draft set has blanks for the numbers and the signing date; the issue step
 * fills them in the fixed order of the set. Pure.
 */
import type { ChangeSet } from '../registry/change-set';
import type { ChangeKind } from '../procedure/change-kind';
import type { ChangeSentence } from './change-sentences';
import type { TermYears } from './committee-term';
import type { DocumentModel } from './document-model';
import {
  type DocumentEntry,
  type DocumentSetRule,
  type PlannedDocument,
  planDocumentSet,
} from './document-set';
import { composeDocument } from './party-documents';

export interface SetRecipient {
  readonly unitId: string;
  readonly unitName: string;
}

/** One decision of a set as a draft stores it (and the issue step numbers it). */
export interface DraftSetDocument {
  /** 1, 2, … in the set's fixed order (0 is the resolution). */
  readonly position: number;
  readonly type: 'QĐ';
  readonly purpose: PlannedDocument['purpose'];
  readonly unitId?: string;
  readonly unitName?: string;
  /** The summary's words after "về việc". */
  readonly title: string;
  /** The units the decision is delivered to at the announcement. */
  readonly recipients: readonly SetRecipient[];
  /** The text (with blanks in a draft). */
  readonly body: string;
}

export interface DocumentSetInput {
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  /** The procedure's title: the resolution's summary. */
  readonly title: string;
  readonly changeSet: ChangeSet;
  readonly sentences: readonly ChangeSentence[];
  readonly signedAt: Date;
  readonly effectiveDate?: string;
  readonly signer?: { readonly fullName: string; readonly deputy: boolean };
  readonly rule?: DocumentSetRule;
  /** The committee term in force on `signedAt` (party-documents.ts); none: the appointed committee's. */
  readonly termYears?: TermYears;
}

export interface ComposedSetDecision extends Omit<DraftSetDocument, 'body'> {
  readonly model: DocumentModel;
}

export interface ComposedDocumentSet {
  readonly resolution: DocumentModel;
  readonly decisions: readonly ComposedSetDecision[];
}

const VERBS: Readonly<Record<ChangeKind, string>> = {
  establish: 'thành lập',
  upgrade: 'nâng cấp',
  merge: 'hợp nhất',
  appoint: 'chỉ định',
  rename: 'đổi tên',
  renumber: 'đổi tên',
  dissolve: 'giải thể',
  transfer: 'điều chuyển',
};

/** "Ban Chi ủy, Bí thư, Phó Bí thư" of an appointment, as its change names them. */
const appointedOffices = (changeSet: ChangeSet, unitId: string): string => {
  const change = changeSet.changes.find((c) => c.change === 'appoint' && c.after.id === unitId);
  if (!change) return 'cấp ủy';
  const o = change.after.officers;
  return [
    o.committee.length ? (change.after.fullMembers >= 9 ? 'Ban Chi ủy' : 'cấp ủy') : '',
    o.secretary ? 'Bí thư' : '',
    o.deputies.length ? 'Phó Bí thư' : '',
  ]
    .filter(Boolean)
    .join(', ');
};

const titleOf = (doc: PlannedDocument, changeSet: ChangeSet): string => {
  const first = doc.entries[0]!;
  switch (doc.purpose) {
    case 'founding': {
      const own = doc.entries.find((e) => e.change !== 'appoint') ?? first;
      const appointed = doc.entries.some((e) => e.change === 'appoint');
      return `${VERBS[own.change]} ${own.unitName}${appointed ? ` và chỉ định ${appointedOffices(changeSet, own.unitId)}` : ''}`;
    }
    case 'appointment':
      return `chỉ định ${appointedOffices(changeSet, first.unitId)} ${first.unitName}`;
    default: {
      // "đổi tên 70 tổ chức đảng", or the unit's name when there is one.
      const byVerb = new Map<string, DocumentEntry[]>();
      for (const e of doc.entries) byVerb.set(VERBS[e.change], [...(byVerb.get(VERBS[e.change]) ?? []), e]);
      return [...byVerb]
        .map(([verb, entries]) =>
          entries.length === 1 ? `${verb} ${entries[0]!.unitName}` : `${verb} ${entries.length} tổ chức đảng`,
        )
        .join(', ');
    }
  }
};

/** Each change with its sentence: describeChanges keeps the changes' order and skips those without one. */
const pairedSentences = (changeSet: ChangeSet, sentences: readonly ChangeSentence[]) => {
  const pairs: { readonly change: ChangeSet['changes'][number]; readonly sentence: ChangeSentence }[] = [];
  let next = 0;
  for (const change of changeSet.changes) {
    const sentence = sentences[next];
    if (sentence?.unitId !== change.after.id) continue;
    pairs.push({ change, sentence });
    next += 1;
  }
  return pairs;
};

const entryKey = (e: { readonly itemIndex: number; readonly unitId: string }) => `${e.itemIndex}:${e.unitId}`;

/**
 * The planner's entries of a change set: one per change that has an article (the predecessors of a merger have
 * none; they receive their successor's decision).
 */
export const documentEntries = (
  changeSet: ChangeSet,
  sentences: readonly ChangeSentence[],
): DocumentEntry[] =>
  pairedSentences(changeSet, sentences).flatMap(({ change, sentence }): DocumentEntry[] =>
    sentence.article
      ? [
          {
            itemIndex: change.itemIndex,
            change: change.change,
            unitId: change.after.id,
            unitName: sentence.unitName,
            article: sentence.article,
          },
        ]
      : [],
  );

/** The resolution and the decisions of a change set, in the set's fixed order. */
export const composeDocumentSet = (input: DocumentSetInput): ComposedDocumentSet => {
  const planned = planDocumentSet(documentEntries(input.changeSet, input.sentences), input.rule);
  const sentenceOf = new Map(input.sentences.map((s) => [s.unitId, s]));
  const sentenceOfEntry = new Map(
    pairedSentences(input.changeSet, input.sentences).map((p) => [
      entryKey({ itemIndex: p.change.itemIndex, unitId: p.change.after.id }),
      p.sentence,
    ]),
  );
  // The predecessors of a merger (no article of their own) are told with their successor's decision.
  const predecessorsOf = (unitId: string): SetRecipient[] =>
    input.changeSet.lineage
      .filter((l) => l.successorId === unitId)
      .flatMap((l) => {
        const s = sentenceOf.get(l.predecessorId);
        return s ? [{ unitId: s.unitId, unitName: s.unitName }] : [];
      });
  const common = {
    wardKind: input.wardKind,
    wardName: input.wardName,
    signedAt: input.signedAt,
    ...(input.effectiveDate ? { effectiveDate: input.effectiveDate } : {}),
    ...(input.signer ? { signer: input.signer } : {}),
    ...(input.termYears ? { termYears: input.termYears } : {}),
    draft: true,
  };
  const resolution = composeDocument({
    ...common,
    type: 'NQ',
    title: input.title,
    sentences: input.sentences,
  });
  const decisions = planned
    .filter((d) => d.type === 'QĐ')
    .map((doc, i): ComposedSetDecision => {
      const title = titleOf(doc, input.changeSet);
      const sentences = doc.entries.map((e) => sentenceOfEntry.get(entryKey(e))!);
      const unique = [...new Map(sentences.map((s) => [s.unitId, s])).values()];
      const recipients = unique.flatMap((s) => [
        { unitId: s.unitId, unitName: s.unitName },
        ...predecessorsOf(s.unitId),
      ]);
      const own = doc.unitId ? sentenceOf.get(doc.unitId) : undefined;
      return {
        position: i + 1,
        type: 'QĐ',
        purpose: doc.purpose,
        ...(doc.unitId ? { unitId: doc.unitId } : {}),
        ...(own ? { unitName: own.unitName } : {}),
        title,
        recipients,
        // An entry per article: a founding decision with its appointment has two.
        model: composeDocument({
          ...common,
          type: 'QĐ',
          title,
          sentences,
        }),
      };
    });
  return { resolution, decisions };
};
