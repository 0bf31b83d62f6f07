/**
 * A table as a download: `.xlsx` (ExcelJS) or `.csv`. The CSV comes from ExcelJS's own CSV writer (fast-csv
 * underneath, RFC 4180 quoting), so no second CSV library is needed: UTF-8 with a byte-order mark and `;`
 * between fields, because Excel with Vietnamese regional settings (decimal comma) expects `;` as the list
 * separator and reads UTF-8 only with the BOM; rows end in CRLF as RFC 4180 says. A cell that would start
 * a formula (= + - @) is prefixed with an apostrophe in the CSV (CSV injection), never in the .xlsx, whose
 * cells are typed strings.
 */
import { loadExcelJs } from '@kientoan/platform';

export type TableFormat = 'xlsx' | 'csv';

export interface TableColumn<Row> {
  readonly key: keyof Row & string;
  readonly header: string;
  /** Column width in characters (.xlsx). */
  readonly width?: number;
}

export interface TableFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

export const TABLE_CONTENT_TYPES: Readonly<Record<TableFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const FORMULA_START = /^[=+\-@\t\r]/;
const csvSafe = (value: unknown) =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

export const tableFile = async <Row extends Record<string, unknown>>(input: {
  readonly format: TableFormat;
  /** The file name without extension (ASCII or Vietnamese; sent as filename*). */
  readonly name: string;
  /** A title line above the table (.xlsx only): what, where, as of when. */
  readonly title: string;
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
}): Promise<TableFile> => {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'kientoan';
  const sheet = workbook.addWorksheet('Danh sách', {
    views: input.format === 'xlsx' ? [{ state: 'frozen', ySplit: 2 }] : [],
  });
  const values = (row: Row) =>
    input.columns.map((c) => (input.format === 'csv' ? csvSafe(row[c.key]) : row[c.key]));
  if (input.format === 'xlsx') {
    sheet.addRow([input.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow(input.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    input.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.width ?? 18;
    });
    for (const row of input.rows) sheet.addRow(values(row)).alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: input.columns.length } };
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return { body, contentType: TABLE_CONTENT_TYPES.xlsx, fileName: `${input.name}.xlsx` };
  }
  sheet.addRow(input.columns.map((c) => c.header));
  for (const row of input.rows) sheet.addRow(values(row));
  const body = Buffer.from(
    await workbook.csv.writeBuffer({
      formatterOptions: { delimiter: ';', rowDelimiter: '\r\n', writeBOM: true, quote: '"', escape: '"' },
    }),
  );
  return { body, contentType: TABLE_CONTENT_TYPES.csv, fileName: `${input.name}.csv` };
};
