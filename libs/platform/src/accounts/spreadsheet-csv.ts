/**
 * The first worksheet of an .xlsx file as CSV text, so a spreadsheet imports exactly as its CSV export would
 * (same headings, same row checks, same line numbers: row n of the sheet is line n of the CSV).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../files/lazy-modules';
import { DomainError } from '@kientoan/domain';

const unreadable = (reason: string) =>
  new DomainError(
    'SPREADSHEET_UNREADABLE',
    'invalid',
    `Không đọc được tệp Excel (.xlsx): ${reason}`,
    `The Excel file (.xlsx) cannot be read: ${reason}`,
    { field: 'xlsx' },
  );

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
};

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

export const spreadsheetToCsv = async (xlsx: Buffer): Promise<string> => {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('không có trang tính nào / no worksheet');
  const width = sheet.columnCount;
  const lines: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    // A blank row stays a blank line: skipped as in a CSV, and the line numbers still match the sheet's rows.
    lines.push(cells.some((c) => c !== '') ? cells.map(quoted).join(',') : '');
  }
  return lines.join('\n');
};
