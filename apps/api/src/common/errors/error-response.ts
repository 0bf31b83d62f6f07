import type { FieldError } from './request-validation.error';

/** The one error shape of the API. */
export interface ErrorResponse {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Record<string, unknown>;
}
