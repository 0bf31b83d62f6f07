import { DomainError } from '@kientoan/domain';
import { type RowProblem, spreadsheetToCsv } from '@kientoan/platform';
import type { CsvImportBody } from './admin.schemas';

/** A CSV import refused as a whole: every bad row named (nothing was stored). */
export const importRejected = (problems: readonly RowProblem[], dryRun = false) =>
  new DomainError(
    'IMPORT_REJECTED',
    'invalid',
    `Không nhập gì: ${problems.length} lỗi trong tệp.`,
    `Nothing imported: ${problems.length} problem(s) in the file.`,
    {
      fieldErrors: problems.map((p) => ({
        field: p.field,
        reason: `Dòng ${p.line}: ${p.message}`,
        reasonEn: `Line ${p.line}: ${p.messageEn}`,
      })),
      problems,
      dryRun,
    },
  );

/** The text to import: the CSV as sent, or the first sheet of the workbook as CSV. */
export const importText = async (body: CsvImportBody): Promise<string> =>
  body.xlsx !== undefined ? spreadsheetToCsv(Buffer.from(body.xlsx, 'base64')) : (body.csv ?? '');
