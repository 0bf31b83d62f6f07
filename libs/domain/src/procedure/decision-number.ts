/** Document types of the issuer's register: QĐ (quyết định, decision) and NQ (nghị quyết, resolution). */
export type DocumentType = 'QĐ' | 'NQ';

/** Issuing-body abbreviation: ĐU = the commune/ward Party Committee (Đảng ủy). */
export const WARD_PARTY_COMMITTEE_SYMBOL = 'ĐU';

/**
 * Formats a register number as printed on the document: `Số 01-QĐ/ĐU`, `Số 12-QĐ/ĐU` (numbers below 10 take a
 * leading zero, Hướng dẫn 36-HD/VPTW; no colon after "Số").
 */
export const formatDocumentNumber = (
  number: number,
  type: DocumentType,
  issuerSymbol: string = WARD_PARTY_COMMITTEE_SYMBOL,
): string => {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`Invalid register number ${number}`);
  return `Số ${String(number).padStart(2, '0')}-${type}/${issuerSymbol}`;
};
