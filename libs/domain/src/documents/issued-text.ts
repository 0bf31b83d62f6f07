/**
 * The approved draft turned into the issued text: the blanks filled, the draft mark off, the term of the working
 * rules' ground set to the signing date's (the term the numbers are taken in), nothing else.
 */
import { dateInVietnam } from '../calendar/vietnam-time';
import { type TermYears, termYearsText } from './committee-term';
import { DRAFT_MARK, PLACEHOLDERS, PLACEHOLDER_TOKEN, placeholderProblems } from './document-placeholders';
import { documentReference, longDate } from './party-documents';
import type { DocumentType } from '../procedure/decision-number';

export interface IssueNumbers {
  /** The document's own number, e.g. "Số 12-QĐ/ĐU". */
  readonly symbol: string;
  /** The signing instant (shown as the date in Hà Nội). */
  readonly signedAt: Date;
  /** For a decision: the resolution's number, e.g. "Số 5-NQ/ĐU". */
  readonly resolutionSymbol?: string;
  /**
   * The committee term the document is numbered in (the signing date's, committee-term.ts `termYearsOn`): the
   * grounds' "Quy chế làm việc … nhiệm kỳ …" names it, whatever term was in force the day the draft was made.
   */
  readonly termYears?: TermYears;
}

/** The working rules' ground line and the term it names ("… Đảng bộ phường Kim Liên nhiệm kỳ 2025 - 2030;"). */
const WORKING_RULES_TERM =
  /^(.*Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ .*?nhiệm kỳ )\d{4}\s*[-–—]\s*\d{4}/gmu;

/**
 * The text with its working rules' ground naming the given term: like the number, the term is a fact of the
 * signing date (a congress may close between the draft and the signature), so the issue step names the term it
 * numbers the document in. Nothing else changes; a text without that ground (an edit removed it) stays as it is.
 */
export const withTermOfSigning = (text: string, termYears: TermYears): string =>
  text.replace(WORKING_RULES_TERM, (_line, head: string) => `${head}${termYearsText(termYears)}`);

/** Inside a sentence (not at the start of a line) a number reads "số 5-NQ/ĐU", in lower case. */
const inSentence = (symbol: string) => symbol.replace(/^Số /, 'số ');

/**
 * The approved text with its blanks filled and the draft mark removed (and, given `termYears`, the working
 * rules' term set to the signing date's); every other character stays as approved. Refuses (RangeError) a text whose blanks are broken: it could not have passed submission.
 */
export const fillPlaceholders = (type: DocumentType, text: string, numbers: IssueNumbers): string => {
  const problems = placeholderProblems(type, text);
  if (problems.length) throw new RangeError(problems.join(' '));
  if (type === 'QĐ' && !numbers.resolutionSymbol)
    throw new RangeError('A decision is issued with the number of its resolution');
  const values: Readonly<Record<string, string>> = {
    [PLACEHOLDERS.number]: numbers.symbol,
    [PLACEHOLDERS.signingDate]: longDate(dateInVietnam(numbers.signedAt)),
    // The resolution is cited with its number and date ("số 01-NQ/ĐU, ngày 07/7/2025"); it is signed with
    // the decision, in the same issue step.
    [PLACEHOLDERS.resolutionNumber]: numbers.resolutionSymbol
      ? documentReference(numbers.resolutionSymbol, numbers.signedAt)
      : '',
  };
  return (numbers.termYears ? withTermOfSigning(text, numbers.termYears) : text)
    .split('\n')
    .filter((line) => line.trim() !== DRAFT_MARK)
    .join('\n')
    .replace(PLACEHOLDER_TOKEN, (token, _name: string, offset: number, whole: string) => {
      const value = values[token] ?? token;
      const atLineStart = offset === 0 || whole[offset - 1] === '\n';
      return token === PLACEHOLDERS.number && !atLineStart ? inSentence(value) : value;
    });
};
