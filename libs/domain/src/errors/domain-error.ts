/**
 * Every rule the product enforces fails with a stable code and a message in Vietnamese (shown first) and
 * English. Codes are part of the API contract: clients and the error filter switch on them.
 */
export const DOMAIN_ERROR_KINDS = [
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'throttled',
  /** The request is larger than the product accepts (a draft beyond the configured size). */
  'too_large',
  /** A file of a type the product does not read (an upload that is not a spreadsheet). */
  'unsupported',
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export interface DomainErrorDetails {
  readonly field?: string;
  readonly [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
