/**
 * Text hygiene for everything people type that ends up in a decision: names, titles, reasons, comments.
 * Pure. Hostile or invisible text is refused (never silently repaired) so that what a reviewer saw is what
 * gets issued: a right-to-left override printed a line of a decision backwards, a zero-width space made a
 * second "Chi bộ 2", a Cyrillic "с" made a third.
 */

/**
 * What the text is: a unit's or a person's name, a one-line title, a multi-line reason or comment, or a
 * document body (a draft: its layout is kept as typed, only hostile characters are refused).
 */
export type TextKind = 'name' | 'line' | 'paragraph' | 'document';

export type TextProblem =
  | 'empty'
  | 'invisible'
  | 'control'
  | 'bidi'
  | 'invisible_character'
  | 'unsupported_character'
  | 'foreign_script';

export type CleanTextResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly problem: TextProblem;
      /** 1-based position (in characters) of the offending character, when there is one. */
      readonly position?: number;
      readonly character?: string;
      readonly vi: string;
      readonly en: string;
    };

/** Bidirectional embeddings, overrides and isolates, and the invisible direction marks (LRM, RLM, ALM). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/**
 * Characters that render as nothing: Unicode's default-ignorable set (zero-width space/joiners, word joiner,
 * soft hyphen, BOM, variation selectors, Hangul fillers…), any other format character, and the Braille blank.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/u;
/** Private-use, unassigned code points and lone surrogates: nothing a person can read or check. */
const UNSUPPORTED = /[\p{Co}\p{Cn}\p{Cs}]/u;
/** Something a reader can see: a letter, a digit, punctuation or a symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const SCRIPT_NAMES: readonly (readonly [RegExp, string, string])[] = [
  [/\p{Script=Cyrillic}/u, 'Kirin (Cyrillic)', 'Cyrillic'],
  [/\p{Script=Greek}/u, 'Hy Lạp', 'Greek'],
  [/\p{Script=Armenian}/u, 'Armenia', 'Armenian'],
  [/\p{Script=Cherokee}/u, 'Cherokee', 'Cherokee'],
];

const scriptOf = (character: string): { vi: string; en: string } => {
  const found = SCRIPT_NAMES.find(([pattern]) => pattern.test(character));
  return found ? { vi: found[1], en: found[2] } : { vi: 'không phải chữ Latin', en: 'non-Latin' };
};

const refuse = (
  problem: TextProblem,
  detail: { position?: number; character?: string } = {},
): Extract<CleanTextResult, { ok: false }> => ({
  ok: false,
  problem,
  ...detail,
  ...TEXT_PROBLEM_MESSAGES[problem](detail),
});

type Describe = (detail: { position?: number; character?: string }) => { vi: string; en: string };

/** Vietnamese first; each message says what to do, never shows a code point. */
export const TEXT_PROBLEM_MESSAGES: Readonly<Record<TextProblem, Describe>> = {
  empty: () => ({ vi: 'Không được để trống.', en: 'Must not be empty.' }),
  invisible: () => ({
    vi: 'Không có chữ hay số nào nhìn thấy được; hãy nhập nội dung rõ ràng.',
    en: 'Contains no visible letter or digit.',
  }),
  control: ({ position }) => ({
    vi: `Có ký tự điều khiển không in được ở vị trí thứ ${position ?? '?'}; hãy xoá và gõ lại.`,
    en: `Contains a control character at position ${position ?? '?'}.`,
  }),
  bidi: ({ position }) => ({
    vi: `Có ký tự đảo chiều văn bản ở vị trí thứ ${position ?? '?'} (làm chữ hiển thị ngược hoặc sai thứ tự); hãy gõ lại văn bản.`,
    en: `Contains a bidirectional control character at position ${position ?? '?'}, which can display text reversed.`,
  }),
  invisible_character: ({ position }) => ({
    vi: `Có ký tự vô hình (không nhìn thấy khi in) ở vị trí thứ ${position ?? '?'}; hãy xoá và gõ lại.`,
    en: `Contains an invisible (zero-width or format) character at position ${position ?? '?'}.`,
  }),
  unsupported_character: ({ position }) => ({
    vi: `Có ký tự không hợp lệ ở vị trí thứ ${position ?? '?'}.`,
    en: `Contains an unassigned or private-use character at position ${position ?? '?'}.`,
  }),
  foreign_script: ({ position, character }) => {
    const script = scriptOf(character ?? '');
    return {
      vi: `Tên chỉ được viết bằng chữ tiếng Việt; ký tự "${character ?? ''}" ở vị trí thứ ${position ?? '?'} là chữ ${script.vi}, dễ nhầm với chữ Latin.`,
      en: `Names must be written in Latin (Vietnamese) letters; "${character ?? ''}" at position ${position ?? '?'} is ${script.en} and looks like a Latin letter.`,
    };
  },
};

/** Collapses spaces (including NBSP and other Unicode spaces) inside a line and trims it. */
const collapseLine = (line: string): string => line.replace(/\s+/gu, ' ').trim();

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HARD_CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/u;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * Cleans and checks one piece of text: NFC, whitespace collapsed (a paragraph keeps its line breaks, at most
 * one empty line in a row; a document keeps its layout), trimmed; then refuses control, bidi and invisible
 * characters, text with nothing visible, and — for names — letters that are not Latin (Vietnamese is written
 * in Latin letters; a Cyrillic or Greek look-alike is how a duplicate name hides).
 */
export const checkText = (raw: string, kind: TextKind): CleanTextResult => {
  const text = raw.normalize('NFC');
  const at = (index: number) => {
    const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
    return { position: [...text.slice(0, index)].length + 1, character };
  };
  const checks: readonly (readonly [TextProblem, RegExp])[] = [
    ['bidi', BIDI],
    ['invisible_character', INVISIBLE],
    ['control', HARD_CONTROL],
    ['unsupported_character', UNSUPPORTED],
    ...(kind === 'name' ? ([['foreign_script', NON_LATIN_LETTER]] as const) : []),
  ];
  // One regex scan per check (not per character): fast on a 200 KB draft too.
  for (const [problem, pattern] of checks) {
    const index = text.search(pattern);
    if (index >= 0) return refuse(problem, at(index));
  }

  const value =
    kind === 'document'
      ? text.replace(/\r\n?/g, '\n').trim()
      : kind === 'paragraph'
        ? text
            .split(/\r\n|[\n\r\v\f\u2028\u2029]/u)
            .map(collapseLine)
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trim()
        : collapseLine(text);
  if (!value) return refuse('empty');
  if (!VISIBLE.test(value)) return refuse('invisible');
  return { ok: true, value };
};

/**
 * Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables data, TR39), folded to the
 * Latin letter in the skeleton so that a legacy name written with them still collides with its Latin twin.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  α: 'a',
  ι: 'i',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  γ: 'y',
};

const HIDDEN = new RegExp(`${BIDI.source}|${INVISIBLE.source}`, 'gu');

/**
 * The key under which two names count as the same (TR39-style skeleton, for Vietnamese): NFKC (full-width and
 * other compatibility forms fold to the plain letter), invisible and bidi characters dropped, whitespace
 * collapsed, lower-cased in Vietnamese, Cyrillic/Greek look-alikes mapped to Latin. Diacritics still count
 * ("Chi bộ" ≠ "Chi bo").
 */
export const nameSkeleton = (name: string): string =>
  collapseLine(
    name
      .normalize('NFKC')
      .replace(HIDDEN, '')
      .replace(/\p{Cc}/gu, ' ')
      .normalize('NFD')
      .replace(/\p{L}/gu, (letter) => LOOK_ALIKES[letter] ?? letter)
      .normalize('NFC'),
  ).toLocaleLowerCase('vi');
