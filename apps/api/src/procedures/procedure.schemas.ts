import { z } from 'zod';
import { CHANGE_KINDS, VOTE_CHOICES } from '@kientoan/domain';
import { cleanTextSchema } from '../common/validation/clean-text.schema';
import { isoDate, resolutionItemSchema } from '../registry/resolution-items.schema';

/** Free text: cleaned and checked (text hygiene) before its length is checked, as it will be stored. */
const text = (max: number) => cleanTextSchema('paragraph', max);
const items = z.array(resolutionItemSchema).min(1).max(1000);

export const startProcedureSchema = z
  .object({
    id: z
      .uuid()
      .optional()
      .describe('Client-chosen id (UUID): repeating a start with the same id answers 409'),
    wardCode: z.string().min(1).max(64).describe('Mã xã/phường, ví dụ "phuong-kim-lien"'),
    kind: z
      .enum([...CHANGE_KINDS, 'mixed'])
      .optional()
      .describe('Loại thay đổi; mặc định suy ra từ các mục'),
    title: cleanTextSchema('line', 500).describe('Trích yếu, ví dụ "Đổi tên 70 chi bộ tổ dân phố"'),
    effectiveDate: isoDate
      .optional()
      .describe(
        'Ngày hiệu lực mong muốn (YYYY-MM-DD), từ hôm nay đến EFFECTIVE_DATE_MAX_DAYS_AHEAD ngày tới; mặc định: ngày ký. Nếu đến ngày ký ngày này đã qua, quyết định có hiệu lực từ ngày ký (có ghi chú)',
      ),
    ceremony: z
      .object({
        date: isoDate.describe('Ngày lễ công bố (YYYY-MM-DD), không trước hôm nay'),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
          .default('08:00')
          .describe('Giờ (HH:mm, giờ Hà Nội)'),
        place: text(300).optional().describe('Địa điểm; mặc định: trụ sở Đảng ủy xã/phường'),
      })
      .strict()
      .optional()
      .describe(
        'Lễ công bố và trao quyết định; mặc định: ngày làm việc đầu tiên từ ngày ký, 08:00, tại trụ sở Đảng ủy',
      ),
    items,
  })
  .strict();
export type StartProcedureBody = z.output<typeof startProcedureSchema>;

export const castVoteSchema = z
  .object({
    voterId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Mã thành viên Ban Thường vụ; mặc định: thành viên của tài khoản'),
    choice: z.enum(VOTE_CHOICES),
    comment: text(2000).optional(),
    idempotencyKey: z
      .string()
      .min(8)
      .max(200)
      .regex(/^[A-Za-z0-9._:-]+$/, 'chỉ gồm chữ không dấu, chữ số, ".", "_", ":" hoặc "-"')
      .optional()
      .describe('Or the Idempotency-Key header: a repeat with the same key is counted once'),
  })
  .strict();
export type CastVoteBody = z.output<typeof castVoteSchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    reasons: z.array(text(1000)).max(50).default([]),
  })
  .strict();
export const resubmitSchema = z.object({ items }).strict();
export const submitDraftSchema = z
  .object({
    // The configured size limit (DRAFT_MAX_LINES / DRAFT_MAX_BYTES) is checked by the use case (413).
    body: cleanTextSchema('document', 10_000_000).optional(),
    decisionBody: cleanTextSchema('document', 10_000_000).optional(),
    // Any decision of the set, by its position (1 is the same text as decisionBody).
    documents: z
      .array(
        z
          .object({
            position: z.number().int().min(1).max(9999),
            body: cleanTextSchema('document', 10_000_000),
          })
          .strict(),
      )
      .max(2000)
      .optional(),
  })
  .strict();
export const endSchema = z.object({ reason: text(2000) }).strict();
export const acknowledgeSchema = z.object({ unitId: z.string().min(1).max(80) }).strict();
/** A document of the set: "resolution" (position 0), "decision" (the first decision, 1) or its position. */
export const documentTypeSchema = z
  .string()
  .regex(
    /^(decision|resolution|\d{1,4})$/,
    'Văn bản: "resolution", "decision" hoặc số thứ tự trong bộ văn bản',
  );
export const documentPositionSchema = z.coerce.number().int().min(0).max(9999);
export const withdrawDocumentSchema = z
  .object({ reason: z.string().trim().min(5).max(2000).describe('Lý do thu hồi / why it is withdrawn') })
  .strict();

export const procedureIdSchema = z.uuid();
export const versionSchema = z.coerce.number().int().min(1).max(100_000);
