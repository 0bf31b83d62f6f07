import { DomainError } from '@kientoan/domain';
import type { RowProblem } from '@kientoan/platform';

/** A CSV import refused as a whole: every bad row named (nothing was stored). */
export const importRejected = (problems: readonly RowProblem[]) =>
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
    },
  );
