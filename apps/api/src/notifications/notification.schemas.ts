/** The wire format of the notifications endpoints: queries validated at the edge, responses documented. */
import { z } from 'zod';

/** Keyset position in "unread first, then newest": unread flag, created at, notification id. */
export interface NotificationCursor {
  readonly unread: boolean;
  readonly createdAt: string;
  readonly id: string;
}

const cursorShape = z
  .object({ u: z.boolean(), c: z.iso.datetime(), n: z.string().regex(/^\d{1,19}$/) })
  .strict();

export const encodeCursor = (cursor: NotificationCursor): string =>
  Buffer.from(JSON.stringify({ u: cursor.unread, c: cursor.createdAt, n: cursor.id })).toString('base64url');

/** An opaque cursor from the previous page; anything else is a 400 naming `cursor`. */
const cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .transform((value, ctx): NotificationCursor => {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const parsed = cursorShape.safeParse(decoded);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: 'Con trỏ trang không hợp lệ (dùng giá trị "next" của trang trước).',
      });
      return z.NEVER;
    }
    return { unread: parsed.data.u, createdAt: parsed.data.c, id: parsed.data.n };
  });

export const listNotificationsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: cursor.optional(),
    unreadOnly: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();
export type ListNotificationsQuery = z.output<typeof listNotificationsQuerySchema>;

export const notificationIdSchema = z.string().regex(/^\d{1,19}$/, 'Mã thông báo phải là một số.');

export const notificationSchema = z.object({
  id: z.string().describe('Notification id'),
  kind: z.string().describe('reminder, escalation, returned, announcement, vote_opened'),
  subject: z.string(),
  body: z.string(),
  procedureId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int().describe('How many of my notifications are unread'),
  next: z.string().nullable().describe('Cursor of the next page, null on the last one'),
});

export const markedReadSchema = z.object({ id: z.string(), readAt: z.iso.datetime() });
export const markedAllReadSchema = z.object({ marked: z.number().int() });
