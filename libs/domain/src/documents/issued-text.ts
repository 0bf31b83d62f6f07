/** The approved draft turned into the issued text: the blanks filled, the draft mark off, nothing else. */
import { dateInVietnam } from '../calendar/vietnam-time';
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
}

/** Inside a sentence (not at the start of a line) a number reads "số 5-NQ/ĐU", in lower case. */
const inSentence = (symbol: string) => symbol.replace(/^Số /, 'số ');

/**
 * The approved text with its blanks filled and the draft mark removed; every other character stays as
 * approved. Refuses (RangeError) a text whose blanks are broken: it could not have passed submission.
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
  return text
    .split('\n')
    .filter((line) => line.trim() !== DRAFT_MARK)
    .join('\n')
    .replace(PLACEHOLDER_TOKEN, (token, _name: string, offset: number, whole: string) => {
      const value = values[token] ?? token;
      const atLineStart = offset === 0 || whole[offset - 1] === '\n';
      return token === PLACEHOLDERS.number && !atLineStart ? inSentence(value) : value;
    });
};
