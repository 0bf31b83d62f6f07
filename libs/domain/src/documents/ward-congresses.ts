/**
 * A ward's congresses (đại hội), set by an admin: the days they closed mark its committee terms, and each term
 * numbers its documents from 01 (committee-term.ts). Setting them is checked here, purely:
 * - the list is ordered: ordinals 1, 2, 3 … without gaps, each congress closing after the one before;
 * - a name that gives the term ("…, nhiệm kỳ 2025 - 2030") gives a real span: it ends after it starts;
 * - no document already numbered may change term: a number belongs to its term's register for good, so a date
 *   that would put an issued document in another term (or give its term another first day) is refused, and so
 *   is a name that would give the term of issued documents other years than their texts name.
 */
import { DomainError } from '../errors/domain-error';
import {
  type Congress,
  type TermYears,
  committeeTermOn,
  namedTermYears,
  termYearsOn,
  termYearsText,
} from './committee-term';

export interface WardCongress extends Congress {
  /** 1 = lần thứ Nhất, 2 = lần thứ Hai … */
  readonly ordinal: number;
}

/** An issued document as its register holds it: the day it was numbered (Hà Nội) and its term's key. */
export interface NumberedDocument {
  readonly symbol: string;
  readonly docType: string;
  /** YYYY-MM-DD, the day it was issued (numbered), in Hà Nội. */
  readonly day: string;
  /** The key of the term it was numbered in: the term's first day, or "start" before the first congress. */
  readonly term: string;
}

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
  readonly reasonEn: string;
}

/** The register key of the term a day falls in (the term's first day, "start" before the first congress). */
export const termKeyOn = (congresses: readonly Congress[], day: string): string =>
  committeeTermOn(congresses, day).from ?? 'start';

/** dd/mm/yyyy, as a Vietnamese reader writes a date. */
const vietnameseDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

const ROMAN_ORDINALS = ['Nhất', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười'];

/** "lần thứ Nhất", "lần thứ Hai" … as congresses are named. */
export const congressOrdinalName = (ordinal: number) =>
  `lần thứ ${ROMAN_ORDINALS[ordinal - 1] ?? String(ordinal)}`;

/** What is wrong with a ward's list of congresses on its own (empty: nothing). */
export const congressListProblems = (congresses: readonly WardCongress[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  congresses.forEach((c, i) => {
    if (c.ordinal !== i + 1)
      problems.push({
        field: `congresses[${i}].ordinal`,
        reason: `Đại hội thứ ${i + 1} trong danh sách phải là lần thứ ${i + 1} (đang ghi ${c.ordinal}); các lần đại hội đánh số liên tục từ 1.`,
        reasonEn: `Congress ${i + 1} of the list must be number ${i + 1} (it says ${c.ordinal}); congresses are numbered 1, 2, 3 …`,
      });
    const named = namedTermYears(c.name);
    if (named && named.to <= named.from)
      problems.push({
        field: `congresses[${i}].name`,
        reason: `Tên đại hội lần thứ ${c.ordinal} ghi nhiệm kỳ ${termYearsText(named)}: năm kết thúc phải sau năm bắt đầu.`,
        reasonEn: `The name of congress ${c.ordinal} gives the term ${termYearsText(named)}: it must end after it starts.`,
      });
    const before = congresses[i - 1];
    if (before && c.closedOn <= before.closedOn)
      problems.push({
        field: `congresses[${i}].closedOn`,
        reason: `Đại hội lần thứ ${c.ordinal} phải bế mạc sau đại hội lần thứ ${before.ordinal} (${vietnameseDate(before.closedOn)}).`,
        reasonEn: `Congress ${c.ordinal} must close after congress ${before.ordinal} (${before.closedOn}).`,
      });
  });
  return problems;
};

/** The documents already numbered that new congress dates would put in another term (empty: none). */
export const documentsMovedByCongresses = (
  congresses: readonly Congress[],
  documents: readonly NumberedDocument[],
): (NumberedDocument & { readonly newTerm: string })[] =>
  documents.map((d) => ({ ...d, newTerm: termKeyOn(congresses, d.day) })).filter((d) => d.newTerm !== d.term);

/**
 * The documents already numbered whose term the new congresses would name by other years ("nhiệm kỳ 2025 - 2030"
 * printed in their grounds, "2026 - 2031" in the register): their texts cannot change, so neither can the term.
 */
export const documentsRenamedByCongresses = (
  before: readonly Congress[],
  after: readonly Congress[],
  documents: readonly NumberedDocument[],
): (NumberedDocument & { readonly years: TermYears; readonly newYears: TermYears })[] =>
  documents
    .map((d) => ({ ...d, years: termYearsOn(before, d.day), newYears: termYearsOn(after, d.day) }))
    .filter((d) => termYearsText(d.years) !== termYearsText(d.newYears));

const termName = (key: string) =>
  key === 'start' ? 'trước đại hội lần thứ Nhất' : `bắt đầu ngày ${vietnameseDate(key)}`;
const termNameEn = (key: string) => (key === 'start' ? 'before the first congress' : `starting ${key}`);

export const CongressErrors = {
  invalid: (problems: readonly FieldProblem[]) =>
    new DomainError(
      'CONGRESSES_INVALID',
      'invalid',
      `Danh sách đại hội chưa đúng: ${problems.map((p) => p.reason).join(' ')}`,
      `The list of congresses is invalid: ${problems.map((p) => p.reasonEn).join(' ')}`,
      { fieldErrors: problems },
    ),
  /** 409: the new dates would move numbered documents to another term. */
  movesNumberedDocuments: (moved: readonly (NumberedDocument & { newTerm: string })[]) => {
    const first = moved[0]!;
    const more = moved.length - 1;
    return new DomainError(
      'CONGRESS_MOVES_NUMBERED_DOCUMENTS',
      'conflict',
      `Không đổi được ngày đại hội: văn bản ${first.symbol} ban hành ngày ${vietnameseDate(first.day)} đã được đánh số trong nhiệm kỳ ${termName(first.term)}; ngày mới sẽ chuyển nó sang nhiệm kỳ ${termName(first.newTerm)}${more ? ` (cùng ${more} văn bản khác)` : ''}. Số đã cấp không thay đổi được: chọn ngày bế mạc không vượt qua các văn bản đã ban hành.`,
      `The congress dates cannot change: ${first.symbol} issued on ${first.day} was numbered in the term ${termNameEn(first.term)}; the new dates would move it to the term ${termNameEn(first.newTerm)}${more ? ` (and ${more} more)` : ''}. Numbers taken cannot change: pick closing days that do not cross issued documents.`,
      {
        documents: moved.map((d) => ({ symbol: d.symbol, day: d.day, term: d.term, newTerm: d.newTerm })),
      },
    );
  },
  /** 409: the new names would give the term of numbered documents other years than their texts name. */
  renamesNumberedTerm: (
    renamed: readonly (NumberedDocument & { years: TermYears; newYears: TermYears })[],
  ) => {
    const first = renamed[0]!;
    const more = renamed.length - 1;
    const was = termYearsText(first.years);
    const now = termYearsText(first.newYears);
    return new DomainError(
      'CONGRESS_RENAMES_NUMBERED_TERM',
      'conflict',
      `Không đổi được nhiệm kỳ: văn bản ${first.symbol} ban hành ngày ${vietnameseDate(first.day)} ghi căn cứ nhiệm kỳ ${was}; tên đại hội mới sẽ gọi nhiệm kỳ đó là ${now}${more ? ` (cùng ${more} văn bản khác)` : ''}. Văn bản đã ban hành không sửa được: giữ nhiệm kỳ ${was} trong tên đại hội.`,
      `The term cannot change: ${first.symbol} issued on ${first.day} cites the term ${was}; the new congress name would call that term ${now}${more ? ` (and ${more} more)` : ''}. Issued documents cannot change: keep ${was} in the congress's name.`,
      {
        documents: renamed.map((d) => ({
          symbol: d.symbol,
          day: d.day,
          term: d.term,
          years: termYearsText(d.years),
          newYears: termYearsText(d.newYears),
        })),
      },
    );
  },
};

/**
 * Checks new congresses against themselves and the documents already numbered (and, given the congresses they
 * replace, against the term years those documents name); throws the first failure.
 */
export const checkCongressChange = (
  congresses: readonly WardCongress[],
  numbered: readonly NumberedDocument[],
  before?: readonly Congress[],
): void => {
  const problems = congressListProblems(congresses);
  if (problems.length) throw CongressErrors.invalid(problems);
  const moved = documentsMovedByCongresses(congresses, numbered);
  if (moved.length) throw CongressErrors.movesNumberedDocuments(moved);
  const renamed = before ? documentsRenamedByCongresses(before, congresses, numbered) : [];
  if (renamed.length) throw CongressErrors.renamesNumberedTerm(renamed);
};
