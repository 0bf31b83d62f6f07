/** Queries of the registry browser's reads: tree export, lineage, the decision register and its export. */
import { z } from 'zod';
import { ISSUED_DOCUMENT_SORTS, type IssuedDocumentCursor } from '@kientoan/platform';
import { cleanText } from '@kientoan/domain';
import { isoDate } from './resolution-items.schema';

export const exportFormatSchema = z.enum(['xlsx', 'csv']).default('xlsx');

export const treeExportQuerySchema = z
  .object({ asOf: isoDate.optional(), format: exportFormatSchema })
  .strict();

export const lineageQuerySchema = z
  .object({ hops: z.coerce.number().int().min(1).max(5).default(3) })
  .strict();

const refuseCursor = {
  message: 'Con trỏ trang không hợp lệ; hãy dùng giá trị "next" của trang trước hoặc bỏ tham số này.',
  params: { en: 'Malformed page cursor; pass the previous page\'s "next" value or omit it.' },
} as const;

const cursorShape = z
  .object({
    issuedAt: z.iso.datetime({ offset: true }),
    series: z.string().min(1).max(64),
    docType: z.string().min(1).max(8),
    number: z.number().int().min(0),
  })
  .strict();

/** The register's keyset cursor: the previous page's `next` (base64url of its last row's sort keys). */
export const registerCursorSchema = z
  .string()
  .max(400)
  .transform((raw, ctx): IssuedDocumentCursor => {
    try {
      const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // refused below
    }
    ctx.addIssue({ code: 'custom', input: raw, ...refuseCursor });
    return z.NEVER;
  });

export const encodeRegisterCursor = (cursor: IssuedDocumentCursor): string =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

const registerFilters = {
  docType: z.enum(['NQ', 'QĐ']).optional().describe('NQ nghị quyết, QĐ quyết định'),
  from: isoDate.optional().describe('Ký từ ngày (YYYY-MM-DD) / signed on or after'),
  to: isoDate.optional().describe('Ký đến ngày (YYYY-MM-DD) / signed on or before'),
  q: z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(200))
    .optional()
    .describe('Trích yếu hoặc số, không phân biệt dấu / title or number, diacritics ignored'),
  sort: z.enum(ISSUED_DOCUMENT_SORTS).default('number_desc'),
};

const datesInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const datesMessage = {
  message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  path: ['to'],
  params: { en: 'The start date must be on or before the end date.' },
};

export const registerQuerySchema = z
  .object({
    ...registerFilters,
    after: registerCursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type RegisterQuery = z.output<typeof registerQuerySchema>;

export const registerExportQuerySchema = z
  .object({ ...registerFilters, format: exportFormatSchema })
  .strict()
  .refine(datesInOrder, datesMessage);
export type RegisterExportQuery = z.output<typeof registerExportQuerySchema>;
