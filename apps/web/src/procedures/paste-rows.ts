/**
 * Rows pasted from a spreadsheet (Excel, Google Sheets, LibreOffice copy as tab-separated text; CSV exports
 * in Vietnam use ";") into resolution items. The header and column rules are the domain's (libs/domain
 * sheets/item-rows.ts), shared with the .xlsx/.csv import API, so paste and upload accept the same headers.
 */
import {
  type DraftRow,
  type KnownUnit,
  UNIT_ROW_KINDS,
  readItemRows,
  splitPastedText,
} from '@kientoan/domain/sheets/item-rows';

export { foldVietnamese, rowToItem } from '@kientoan/domain/sheets/item-rows';
export type { DraftRow, KnownUnit } from '@kientoan/domain/sheets/item-rows';
/** What rows without a kind column are read as; establish, upgrade and merge rows name their kind. */
export type PastedKind = (typeof UNIT_ROW_KINDS)[number];
export const PASTE_KINDS = UNIT_ROW_KINDS;

/** Every pasted row, each with what is wrong with it (unknown unit, missing new name, hostile text…). */
export const parsePastedRows = (
  text: string,
  units: readonly KnownUnit[],
  defaultKind: PastedKind = 'rename',
): DraftRow[] => readItemRows(splitPastedText(text.normalize('NFC')), units, defaultKind).rows;
