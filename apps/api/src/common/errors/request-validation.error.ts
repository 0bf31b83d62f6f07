/** A request the edge refused: every offending field with the reason, in Vietnamese and English. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
  readonly reasonEn: string;
}

export class RequestValidationError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`Invalid request: ${errors.map((e) => `${e.field}: ${e.reasonEn}`).join('; ')}`);
    this.name = 'RequestValidationError';
  }
}
