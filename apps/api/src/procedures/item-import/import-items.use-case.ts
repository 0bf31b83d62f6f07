import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  authorize,
  describeRowProblem,
  readItemRows,
  rowToItem,
  wardNotFound,
} from '@kientoan/domain';
import { type PrismaClient, readSheet, sheetFormatOf } from '@kientoan/platform';
import { PRISMA } from '../../infrastructure/infrastructure.module';
import { type ImportItemsForm, SHEET_MAX_ROWS } from './import-items.schemas';

export interface UploadedSheet {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

const noFile = () =>
  new DomainError(
    'SHEET_FILE_MISSING',
    'invalid',
    'Chưa chọn tệp bảng tính (.xlsx hoặc .csv).',
    'No spreadsheet file (.xlsx or .csv) was sent.',
    { field: 'file' },
  );

const noRows = (fileName: string) =>
  new DomainError(
    'SHEET_EMPTY',
    'invalid',
    `Tệp "${fileName}" không có dòng nào để nhập.`,
    `"${fileName}" has no rows to import.`,
    { field: 'file', fileName },
  );

/**
 * The file's name as shown back in messages: multipart names arrive as UTF-8 bytes read as Latin-1 (busboy's
 * default), so they are decoded again; control, bidi and invisible characters are dropped (the name is
 * echoed in messages), and it is cut to 120 characters.
 */
export const displayName = (received: string): string => {
  // eslint-disable-next-line no-control-regex -- a name already beyond Latin-1 was decoded right
  const decoded = /[^\u0000-\u00ff]/.test(received)
    ? received
    : Buffer.from(received, 'latin1').toString('utf8');
  const name = (decoded.includes('\uFFFD') ? received : decoded)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, '')
    .trim();
  return [...name].slice(0, 120).join('') || 'tệp';
};

/**
 * Resolution items from an uploaded .xlsx or .csv: the file's cells (exceljs, csv-parse) read by the same
 * rules as rows pasted on the start page, units resolved in the ward's registry. Stores nothing: the rows go
 * back to the page, which previews and submits them through POST /api/procedures. Any bad row answers 400
 * with every problem named by row and column, and the rows as read (so the page can show each on its row).
 */
@Injectable()
export class ImportItemsUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, form: ImportItemsForm, file: UploadedSheet | undefined) {
    const ward = await this.prisma.ward.findUnique({
      where: { code: form.wardCode },
      select: { code: true },
    });
    if (!ward) throw wardNotFound(form.wardCode);
    authorize(actor, 'procedure.start', ward.code);
    if (!file || file.size === 0) throw noFile();
    const fileName = displayName(file.originalname);
    const format = sheetFormatOf(fileName, file.buffer);
    const records = await readSheet(file.buffer, fileName, {
      maxRows: SHEET_MAX_ROWS,
      maxUnpackedBytes: 30 * 1024 * 1024,
    });
    const units = await this.prisma.orgUnit.findMany({
      where: { wardCode: ward.code, status: 'active' },
      select: { id: true, name: true },
      orderBy: { id: 'asc' },
    });
    const { rows, problems } = readItemRows(records, units, form.kind);
    if (problems.length === 0 && rows.length === 0) throw noRows(fileName);
    const sent = rows.map((row) => ({ ...row, line: row.line ?? 0 }));
    if (problems.length)
      throw new DomainError(
        'SHEET_ROWS_INVALID',
        'invalid',
        `Tệp "${fileName}" có ${problems.length} lỗi; chưa nhập dòng nào. Hãy sửa trong bảng tính rồi tải lên lại.`,
        `"${fileName}" has ${problems.length} problem(s); nothing was imported. Fix the sheet and upload it again.`,
        {
          fileName,
          fieldErrors: problems.map((p) => {
            const text = describeRowProblem(p);
            return { field: `rows[${p.line}].${p.column}`, reason: text.vi, reasonEn: text.en };
          }),
          rows: sent,
        },
      );
    return { wardCode: ward.code, fileName, format, rows: sent, items: rows.map(rowToItem) };
  }
}
