import { DomainError } from '@kientoan/domain';

/** The registry changed since review so that the items no longer apply (another decision came first). */
export const RegistryChanged = (reasons: readonly string[]) =>
  new DomainError(
    'REGISTRY_CHANGED',
    'conflict',
    `Sổ đăng ký đã thay đổi, nghị quyết không còn áp dụng được: ${reasons.join('; ')}`,
    `The registry has changed and the resolution no longer applies: ${reasons.join('; ')}`,
    { reasons },
  );
