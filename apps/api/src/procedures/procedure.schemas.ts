import { z } from 'zod';
import { CHANGE_KINDS, VOTE_CHOICES, cleanText } from '@kientoan/domain';

/** Free text: NFC-normalized and trimmed before its length is checked, as it will be stored. */
const text = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));

export const startProcedureSchema = z
  .object({
    id: z
      .uuid()
      .optional()
      .describe('Client-chosen id (UUID): repeating a start with the same id answers 409'),
    wardCode: z.string().min(1).max(64).describe('Mã xã/phường, ví dụ "phuong-kim-lien"'),
    kind: z.enum(CHANGE_KINDS).describe('Loại thay đổi'),
    title: text(500).describe('Trích yếu, ví dụ "Đổi tên 70 chi bộ tổ dân phố"'),
  })
  .strict();
export type StartProcedureBody = z.output<typeof startProcedureSchema>;

export const castVoteSchema = z
  .object({
    voterId: z.string().min(1).max(64).describe('Mã thành viên Ban Thường vụ'),
    choice: z.enum(VOTE_CHOICES as unknown as ['approve', 'reject', 'abstain']),
    comment: text(2000).optional(),
    idempotencyKey: z
      .string()
      .min(8)
      .max(200)
      .regex(/^[A-Za-z0-9._:-]+$/)
      .optional()
      .describe('Or the Idempotency-Key header: a repeat with the same key is counted once'),
  })
  .strict();
export type CastVoteBody = z.output<typeof castVoteSchema>;

export const procedureIdSchema = z.uuid();
