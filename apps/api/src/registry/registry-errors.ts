import { DomainError, type RegistryViolation } from '@kientoan/domain';

export const RegistryErrors = {
  unitNotFound: (unitId: string) =>
    new DomainError(
      'UNIT_NOT_FOUND',
      'not_found',
      `Không tìm thấy tổ chức đảng "${unitId}".`,
      `Unit "${unitId}" was not found.`,
      { unitId },
    ),
  /** The one definition of WARD_NOT_FOUND: 404 wherever the code comes from (path, query or body field). */
  wardNotFound: (wardCode: string) =>
    new DomainError(
      'WARD_NOT_FOUND',
      'not_found',
      `Không có xã, phường với mã "${wardCode}".`,
      `There is no commune or ward with code "${wardCode}".`,
      { field: 'wardCode', wardCode },
    ),
  /** A resolution that breaks registry rules: 400 with every violation as a field error. */
  violations: (violations: readonly RegistryViolation[]) =>
    new DomainError(
      'RESOLUTION_INVALID',
      'invalid',
      `Nghị quyết vi phạm ${violations.length} quy định.`,
      `The resolution breaks ${violations.length} rule(s).`,
      {
        fieldErrors: violations.map((v) => ({
          field: v.field,
          code: v.code,
          reason: v.message,
          reasonEn: v.messageEn,
        })),
      },
    ),
};
