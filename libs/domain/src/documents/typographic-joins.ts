/**
 * Non-breaking joins where Vietnamese typography keeps words together, so a line never ends before a number
 * that belongs to the word before it or leaves a number alone on the last line ("Chi bộ Khu tập thể Kim Liên /
 * 8"): a number stays with the unit it counts ("8 đảng viên", "70 chi bộ"), else with the word it numbers
 * ("Chi bộ 8", "số 01-NQ/ĐU", "ngày 07", "Điều 1"), and a range stays whole ("2025 - 2030").
 * The joins are U+00A0 (no-break space), which Word, PDF line breaking (UAX #14: class GL) and browsers all keep
 * on one line; the stored text keeps ordinary spaces (what was approved is what is issued), the renderers join.
 */
import type { DocumentModel } from './document-model';

export const NO_BREAK_SPACE = '\u00A0';

/** What a number counts, written after it: the words it must not be separated from. */
const UNITS = [
  'đảng viên',
  'đồng chí',
  'chi bộ',
  'đảng bộ',
  'đơn vị',
  'tổ chức',
  'tổ dân phố',
  'thôn',
  'người',
  'ngày',
  'tháng',
  'năm',
  'trang',
  'bản',
  'mục',
];

const NUMBER = String.raw`\d[\p{L}\d]*(?:[./-][\p{L}\d]+)*`;
/** "8 đảng viên": the unit after the number (a word such as "tháng" followed by a number is a label: a date). */
const COUNTED = new RegExp(
  String.raw`(?<![\p{L}\d])(${NUMBER}) (?=(?:${UNITS.join('|')})(?!\p{L})(?! \d))`,
  'giu',
);
/** "Kim Liên 8", "số 01-NQ/ĐU": the word before the number, unless the number is already held by its unit. */
const AFTER_WORD = new RegExp(String.raw`(?<=\p{L}[\p{L}\p{M}.]*) (?=${NUMBER}(?![\p{L}\d\u00A0]))`, 'gu');
/** "2025 - 2030" */
const RANGE = /(\d) ([-–]) (?=\d)/g;

/** The text with the typographic joins: only spaces become no-break spaces, nothing else changes. */
export const withTypographicJoins = (text: string): string =>
  text
    .replace(COUNTED, `$1${NO_BREAK_SPACE}`)
    .replace(AFTER_WORD, NO_BREAK_SPACE)
    .replace(RANGE, `$1${NO_BREAK_SPACE}$2${NO_BREAK_SPACE}`);

/**
 * A centred title (the summary, "về việc …") never ends on a line of one or two syllables: its last three words
 * stay together ("… Chi bộ Khu tập thể / Kim Liên 8", not "… Kim / Liên 8"). Short titles are left alone.
 */
export const withTitleTail = (text: string, words = 3): string => {
  // Words are separated by spaces, joined ones included ("Liên 8" already held together counts as two).
  const separators = [...text.matchAll(/[ \u00A0]/g)].map((m) => m.index);
  if (separators.length + 1 <= 2 * words) return text;
  const tailStart = separators[separators.length - (words - 1)]!;
  return `${text.slice(0, tailStart)}${text.slice(tailStart).replaceAll(' ', NO_BREAK_SPACE)}`;
};

/**
 * The model as the Word and PDF renderers lay it out: the running text (summary, grounds, articles, recipients,
 * notes, annex) joined; the header blocks (issuer, number, place and date) are short lines of their own.
 */
export const typesetModel = (doc: DocumentModel): DocumentModel => ({
  ...doc,
  summary: withTitleTail(withTypographicJoins(doc.summary)),
  grounds: doc.grounds.map(withTypographicJoins),
  enacting: withTypographicJoins(doc.enacting),
  articles: doc.articles.map((a) => ({ ...a, text: withTypographicJoins(a.text) })),
  recipients: doc.recipients.map(withTypographicJoins),
  notes: doc.notes.map(withTypographicJoins),
  ...(doc.annex
    ? {
        annex: {
          ...doc.annex,
          title: doc.annex.title.map(withTypographicJoins),
          reference: withTypographicJoins(doc.annex.reference),
          rows: doc.annex.rows.map((cells) => cells.map(withTypographicJoins)),
        },
      }
    : {}),
});
