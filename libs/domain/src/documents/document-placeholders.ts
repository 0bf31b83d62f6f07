/**
 * The blanks of a draft that only the issue step may fill: the document's number, its signing date and (in the
 * decision) the number of the resolution it carries out. The committee votes on the draft's exact words; at
 * issue these blanks, and nothing else, are filled in (and the "DỰ THẢO" mark is taken off), so what was
 * approved is what is issued. A secretary's edit must keep every blank: `placeholderProblems` says what is
 * wrong with a text, in Vietnamese; `fillPlaceholders` (issued-text.ts) fills them.
 */
import type { DocumentType } from '../procedure/decision-number';

export const PLACEHOLDERS = {
  number: '[[số văn bản]]',
  signingDate: '[[ngày ký]]',
  resolutionNumber: '[[số nghị quyết]]',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** The heading line that marks a draft; the issued document does not carry it. */
export const DRAFT_MARK = 'DỰ THẢO';

const REQUIRED: Readonly<Record<DocumentType, readonly Placeholder[]>> = {
  NQ: ['number', 'signingDate'],
  QĐ: ['number', 'signingDate', 'resolutionNumber'],
};

const LABELS: Readonly<Record<Placeholder, string>> = {
  number: 'số văn bản',
  signingDate: 'ngày ký',
  resolutionNumber: 'số nghị quyết',
};

const DOCUMENT_NAMES: Readonly<Record<DocumentType, string>> = { NQ: 'nghị quyết', QĐ: 'quyết định' };

export const PLACEHOLDER_TOKEN = /\[\[([^\]]*)\]\]/g;
const KNOWN = new Set<string>(Object.values(PLACEHOLDERS));

/**
 * Every reason a text cannot be issued as is (empty: it can): a required blank removed, or a blank that the
 * issue step would not recognise (a mistyped one would otherwise be printed as it stands).
 */
export const placeholderProblems = (type: DocumentType, text: string): string[] => {
  const missing = REQUIRED[type].filter((p) => !text.includes(PLACEHOLDERS[p]));
  const unknown = [...new Set([...text.matchAll(PLACEHOLDER_TOKEN)].map((m) => m[0]))].filter(
    (t) => !KNOWN.has(t),
  );
  return [
    ...missing.map(
      (p) =>
        `Dự thảo ${DOCUMENT_NAMES[type]} phải giữ nguyên chỗ trống ${PLACEHOLDERS[p]} (${LABELS[p]} được điền khi ban hành).`,
    ),
    ...unknown.map(
      (t) =>
        `Dự thảo ${DOCUMENT_NAMES[type]} có chỗ trống không hợp lệ ${t}; chỉ dùng ${Object.values(PLACEHOLDERS).join(', ')}.`,
    ),
  ];
};

/** The problems of a submitted draft, per field of the submission (`body`: resolution, `decisionBody`: decision). */
export const draftProblems = (draft: {
  readonly body?: string | undefined;
  readonly decisionBody?: string | undefined;
  /** Edited decisions of the set, by position. */
  readonly documents?: readonly { readonly position: number; readonly body: string }[] | undefined;
}): { field: string; reason: string }[] => [
  ...(draft.body !== undefined ? placeholderProblems('NQ', draft.body) : []).map((reason) => ({
    field: 'body',
    reason,
  })),
  ...(draft.decisionBody !== undefined ? placeholderProblems('QĐ', draft.decisionBody) : []).map(
    (reason) => ({ field: 'decisionBody', reason }),
  ),
  ...(draft.documents ?? []).flatMap((d, i) =>
    placeholderProblems('QĐ', d.body).map((reason) => ({ field: `documents[${i}].body`, reason })),
  ),
];

/** Whether a stored draft has the blanks at all (drafts generated before blanks existed do not). */
export const hasPlaceholders = (text: string): boolean => text.includes(PLACEHOLDERS.number);
