import { z } from 'zod';

/** A keyset position: the sort instant and the row id of the last item of the previous page. */
export interface KeysetCursor {
  readonly at: Date;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = z.iso.datetime({ offset: true });

const refuse = {
  message: 'Con trỏ trang không hợp lệ; hãy dùng giá trị "next" của trang trước hoặc bỏ tham số này.',
  params: { en: 'Malformed page cursor; pass the previous page\'s "next" value or omit it.' },
} as const;

/**
 * The one cursor every paged list takes: "<ISO instant>|<uuid>", as the previous page returned it. Anything
 * else (a bad date, a bad id, a stray separator) is a 400 here, never a failed query later.
 */
export const keysetCursorSchema = z
  .string()
  .max(100)
  .transform((raw, ctx): KeysetCursor => {
    const parts = raw.split('|');
    const [instant, id] = parts;
    const at = instant !== undefined && INSTANT.safeParse(instant).success ? new Date(instant) : undefined;
    if (parts.length !== 2 || !at || Number.isNaN(at.getTime()) || !id || !UUID.test(id)) {
      ctx.addIssue({ code: 'custom', input: raw, ...refuse });
      return z.NEVER;
    }
    return { at, id: id.toLowerCase() };
  });

/** The cursor a page hands out for the item it ends with. */
export const encodeCursor = (at: Date, id: string): string => `${at.toISOString()}|${id}`;
