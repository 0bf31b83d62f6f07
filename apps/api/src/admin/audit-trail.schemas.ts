import { z } from 'zod';

const day = z.iso.date();

/** The audit trail as an admin reads it: who, where, what, when; newest first, a keyset page at a time. */
export const auditQuerySchema = z
  .object({
    /** The person who acted: a username (or an actor id such as `cli:root`). */
    actor: z.string().trim().min(1).max(100).optional(),
    wardCode: z.string().min(1).max(64).optional(),
    /** An action (`account.create`) or the start of one (`account.` or `account`: every account action). */
    action: z
      .string()
      .trim()
      .regex(/^[a-z_.]{1,60}$/, 'chỉ gồm chữ thường không dấu (a-z), "_" hoặc ".", tối đa 60 ký tự')
      .optional(),
    /** First day (inclusive, Vietnam time). */
    from: day.optional(),
    /** Last day (inclusive, Vietnam time). */
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** `next` of the previous page. */
    after: z
      .string()
      .regex(/^[0-9]{1,19}$/, 'dùng giá trị `next` của trang trước')
      .optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.',
    params: { en: '`to` must not be before `from`.' },
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntryViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string(),
  role: z.string(),
  action: z.string(),
  procedureId: z.string().nullable(),
  wardCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditPageSchema = z.object({
  items: z.array(auditEntryViewSchema),
  /** Pass as `after` for the next (older) page; null on the last page. */
  next: z.string().nullable(),
});
