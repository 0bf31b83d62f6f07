import { DomainError, type RegistryViolation, wardNotFound } from '@kientoan/domain';

export const RegistryErrors = {
  unitNotFound: (unitId: string) =>
    new DomainError(
      'UNIT_NOT_FOUND',
      'not_found',
      `Không tìm thấy tổ chức đảng "${unitId}".`,
      `Unit "${unitId}" was not found.`,
      { unitId },
    ),
  wardNotFound,
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
