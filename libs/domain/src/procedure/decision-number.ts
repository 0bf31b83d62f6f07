/** Document types of the issuer's register: QĐ (quyết định, decision) and NQ (nghị quyết, resolution). */
export type DocumentType = 'QĐ' | 'NQ';

/** Issuing-body abbreviation: ĐU = the commune/ward Party Committee (Đảng ủy). */
export const WARD_PARTY_COMMITTEE_SYMBOL = 'ĐU';

/** Formats a register number as printed on the document, e.g. `Số 12-QĐ/ĐU`. */
export const formatDocumentNumber = (
  number: number,
  type: DocumentType,
  issuerSymbol: string = WARD_PARTY_COMMITTEE_SYMBOL,
): string => {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`Invalid register number ${number}`);
  return `Số ${number}-${type}/${issuerSymbol}`;
};
