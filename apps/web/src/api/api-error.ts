/** The API's one error body (apps/api/src/common/errors/error-response.ts). */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly errors?: readonly { field: string; reason: string; reasonEn: string; code?: string }[];
  readonly details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.messageEn);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string';

export const toApiError = (status: number, body: unknown): ApiError =>
  new ApiError(
    status,
    isErrorBody(body) ? body : { statusCode: status, code: `HTTP_${status}`, message: '', messageEn: '' },
  );
