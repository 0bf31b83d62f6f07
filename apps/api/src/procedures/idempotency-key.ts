import { RequestValidationError } from '../common/errors/request-validation.error';

const PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** The optional Idempotency-Key header, checked at the edge. */
export const optionalIdempotencyKey = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (!PATTERN.test(header)) {
    throw new RequestValidationError([
      {
        field: 'Idempotency-Key',
        reason: 'Khóa chống trùng lặp gồm 8–200 ký tự chữ, số, ".", "_", ":", "-".',
        reasonEn: 'The idempotency key must be 8–200 letters, digits, ".", "_", ":" or "-".',
      },
    ]);
  }
  return header;
};

/** Votes must carry a key (body or header): a double click must never count twice. */
export const requiredIdempotencyKey = (body: string | undefined, header: string | undefined): string => {
  const key = body ?? header;
  if (!key || !PATTERN.test(key)) {
    throw new RequestValidationError([
      {
        field: 'idempotencyKey',
        reason:
          'Cần khóa chống trùng lặp (8–200 ký tự) trong trường idempotencyKey hoặc header Idempotency-Key.',
        reasonEn:
          'An idempotency key (8–200 characters) is required in idempotencyKey or the Idempotency-Key header.',
      },
    ]);
  }
  return key;
};
