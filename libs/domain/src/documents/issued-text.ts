/** The approved draft turned into the issued text: the blanks filled, the draft mark off, nothing else. */
import { dateInVietnam } from '../calendar/vietnam-time';
import { DRAFT_MARK, PLACEHOLDERS, PLACEHOLDER_TOKEN, placeholderProblems } from './document-placeholders';
import { longDate } from './party-documents';
import type { DocumentType } from '../procedure/decision-number';

export interface IssueNumbers {
  /** The document's own number, e.g. "Số 12-QĐ/ĐU". */
  readonly symbol: string;
  /** The signing instant (shown as the date in Hà Nội). */
  readonly signedAt: Date;
  /** For a decision: the resolution's number, e.g. "Số 5-NQ/ĐU". */
  readonly resolutionSymbol?: string;
}

/** In a reference the number reads "số 5-NQ/ĐU" (lower case inside a sentence). */
const inReference = (symbol: string) => symbol.replace(/^Số /, 'số ');

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
    [PLACEHOLDERS.resolutionNumber]: inReference(numbers.resolutionSymbol ?? ''),
  };
  return text
    .split('\n')
    .filter((line) => line.trim() !== DRAFT_MARK)
    .join('\n')
    .replace(PLACEHOLDER_TOKEN, (token) => values[token] ?? token);
};
