/**
 * The cells of a spreadsheet file, as text, row by row: `.xlsx` through exceljs, `.csv` through csv-parse.
 * What offices in Vietnam actually send: Excel's "CSV UTF-8" (BOM, CRLF, ";" or "," depending on the
 * machine's list separator), plain "CSV" in the Windows Vietnamese code page (1258), "Unicode text" (UTF-16,
 * tab-separated), quoted cells with the separator or line breaks inside. Row numbers are the spreadsheet's
 * (1-based, blank rows counted), so a problem names the row the person sees in Excel.
 *
 * Refused with stable codes: a type that is not a spreadsheet (415), a file that cannot be read (400), more
 * rows than allowed or an .xlsx that unpacks to more than allowed (a zip bomb) (413).
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../files/lazy-modules';
import JSZip from 'jszip';
import { DomainError, type SheetRecord } from '@kientoan/domain';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetLimits {
  /** Rows with data, the header included. */
  readonly maxRows: number;
  /** An .xlsx is a zip: the most its parts may unpack to. */
  readonly maxUnpackedBytes: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 1001, maxUnpackedBytes: 30 * 1024 * 1024 };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export const SheetErrors = {
  unsupported: (fileName: string) =>
    new DomainError(
      'SHEET_UNSUPPORTED_TYPE',
      'unsupported',
      `Tệp "${fileName}" không phải bảng tính .xlsx hoặc .csv. Trong Excel hãy chọn Lưu thành (Save As) "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8".`,
      `"${fileName}" is not an .xlsx or .csv spreadsheet. In Excel, use Save As "Excel Workbook (.xlsx)" or "CSV UTF-8".`,
      { field: 'file', fileName },
    ),
  oldExcel: (fileName: string) =>
    new DomainError(
      'SHEET_OLD_EXCEL',
      'unsupported',
      `Tệp "${fileName}" là định dạng Excel cũ (.xls). Hãy mở bằng Excel và Lưu thành "Sổ làm việc Excel (.xlsx)".`,
      `"${fileName}" is an old Excel file (.xls). Open it in Excel and save it as "Excel Workbook (.xlsx)".`,
      { field: 'file', fileName },
    ),
  unreadable: (fileName: string, why: string, whyEn: string) =>
    new DomainError(
      'SHEET_UNREADABLE',
      'invalid',
      `Không đọc được tệp "${fileName}": ${why}`,
      `Cannot read "${fileName}": ${whyEn}`,
      { field: 'file', fileName },
    ),
  tooManyRows: (fileName: string, maxRows: number) =>
    new DomainError(
      'SHEET_TOO_MANY_ROWS',
      'too_large',
      `Tệp "${fileName}" có quá ${maxRows - 1} dòng. Một nghị quyết nhận tối đa ${maxRows - 1} dòng; hãy chia thành nhiều tệp.`,
      `"${fileName}" has more than ${maxRows - 1} rows; a resolution takes at most ${maxRows - 1}. Split the file.`,
      { field: 'file', fileName, maxRows: maxRows - 1 },
    ),
  unpacksTooLarge: (fileName: string) =>
    new DomainError(
      'SHEET_TOO_LARGE',
      'too_large',
      `Tệp "${fileName}" quá lớn khi giải nén; hãy xoá các trang tính, hình ảnh không cần rồi lưu lại.`,
      `"${fileName}" unpacks to too much data; remove unneeded sheets and pictures and save it again.`,
      { field: 'file', fileName },
    ),
};

/**
 * The format of an uploaded file, from its first bytes and its name (the browser's content type is only a
 * hint: Windows sends .csv as "application/vnd.ms-excel").
 */
export const sheetFormatOf = (fileName: string, bytes: Buffer): SheetFormat => {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.subarray(0, 4).equals(OLE_MAGIC) || extension === 'xls') throw SheetErrors.oldExcel(fileName);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (extension === 'xlsx' || extension === 'xlsm' || extension === '') return 'xlsx';
    throw SheetErrors.unsupported(fileName);
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') {
    // Text has no NUL byte (except UTF-16, which starts with its byte order mark).
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    if (!utf16 && bytes.subarray(0, 4096).includes(0)) throw SheetErrors.unsupported(fileName);
    return 'csv';
  }
  if (extension === 'xlsx') throw SheetErrors.unreadable(fileName, 'tệp bị hỏng.', 'the file is damaged.');
  throw SheetErrors.unsupported(fileName);
};

/** Reads the first worksheet (xlsx) or the file (csv) into records, blank rows left out. */
export const readSheet = async (
  bytes: Buffer,
  fileName: string,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<SheetRecord[]> => {
  const format = sheetFormatOf(fileName, bytes);
  const records = format === 'xlsx' ? await readXlsx(bytes, fileName, limits) : readCsv(bytes, fileName);
  const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length > limits.maxRows) throw SheetErrors.tooManyRows(fileName, limits.maxRows);
  return filled;
};

/** UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1258 (Excel's plain "CSV" on Vietnamese Windows). */
export const decodeText = (bytes: Buffer): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
};

/** The separator of the first line: the most frequent of ";", tab and "," outside quotes ("," when none). */
export const detectDelimiter = (text: string): string => {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/"[^"]*"/g, ''))?.[0] ?? '';
  const counts = [';', '\t', ','].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
};

const readCsv = (bytes: Buffer, fileName: string): SheetRecord[] => {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  try {
    const rows: string[][] = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.normalize('NFC')) }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw SheetErrors.unreadable(
      fileName,
      `lỗi định dạng CSV${line ? ` ở dòng ${line}` : ''} (thường là dấu ngoặc kép chưa đóng).`,
      `CSV syntax error${line ? ` on line ${line}` : ''} (usually an unclosed quote).`,
    );
  }
};

/** An .xlsx unpacks to the sum of its parts' sizes, read from the zip's directory before anything is inflated. */
const unpackedSize = async (bytes: Buffer): Promise<number> => {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  zip.forEach((_, entry) => {
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
};

const readXlsx = async (bytes: Buffer, fileName: string, limits: SheetLimits): Promise<SheetRecord[]> => {
  let size: number;
  try {
    size = await unpackedSize(bytes);
  } catch {
    throw SheetErrors.unreadable(fileName, 'tệp .xlsx bị hỏng.', 'the .xlsx file is damaged.');
  }
  if (size > limits.maxUnpackedBytes) throw SheetErrors.unpacksTooLarge(fileName);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw SheetErrors.unreadable(fileName, 'tệp .xlsx bị hỏng.', 'the .xlsx file is damaged.');
  }
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0);
  if (!sheet) return [];
  if (sheet.actualRowCount > limits.maxRows) throw SheetErrors.tooManyRows(fileName, limits.maxRows);
  const records: SheetRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    records.push({ line: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return records;
};

/** A cell's value as the person reads it: text, a number, a date (dd/mm/yyyy), a formula's result, rich text. */
export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .normalize('NFC');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value && typeof value.text === 'string') return value.text.normalize('NFC');
  if ('text' in value && value.text && typeof value.text === 'object' && 'richText' in value.text)
    return cellText(value.text);
  return '';
};
