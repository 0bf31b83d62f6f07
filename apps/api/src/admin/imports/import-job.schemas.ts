/** What `POST /api/admin/imports` accepts and what the import job endpoints answer, as Zod schemas. */
import { z } from 'zod';
import { timestamp } from '../../common/openapi/api-responses';

export const IMPORT_KINDS = ['accounts', 'committee'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const startImportSchema = z
  .object({
    /** accounts: tài khoản; committee: ủy viên Ban Thường vụ. */
    kind: z.enum(IMPORT_KINDS, {
      error: 'Chọn loại dữ liệu nhập: accounts hoặc committee.',
    }),
    /** The CSV text (UTF-8, first line the headings). */
    csv: z.string().min(1, { error: 'Tệp CSV trống.' }).max(1_000_000).optional(),
    /** Or an Excel workbook (.xlsx, base64): its first sheet, read as its CSV export would be. */
    xlsx: z.base64({ error: 'Tệp .xlsx không hợp lệ (base64).' }).min(1).max(1_000_000).optional(),
    /** Check every row as the import would, store nothing. */
    dryRun: z.boolean().default(false),
    /**
     * The browser's RSA-OAEP (SHA-256) public key, SPKI in base64: the temporary passwords of created accounts
     * are kept only encrypted with it, so only the tab that started the import can show them (once).
     */
    revealKey: z
      .string()
      .regex(/^[A-Za-z0-9+/=]{200,1200}$/, { error: 'Khóa công khai không hợp lệ.' })
      .optional(),
  })
  .strict()
  .refine((b) => (b.csv === undefined) !== (b.xlsx === undefined), {
    path: ['csv'],
    message: 'Gửi đúng một trong hai: csv hoặc xlsx.',
    params: { en: 'Send exactly one of csv and xlsx.' },
  });
export type StartImport = z.output<typeof startImportSchema>;

export const importJobIdSchema = z.uuid({ error: 'Mã công việc nhập không hợp lệ.' });

export const importJobQuerySchema = z
  .object({
    /** The first row (position, from 0) of the page of rows. */
    from: z.coerce.number().int().min(0).default(0),
    /** How many rows (at most 1,000). */
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ImportJobQuery = z.output<typeof importJobQuerySchema>;

export const importListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(50).default(10) })
  .strict();

const problem = z.object({
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

const header = {
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  /** running: being checked or stored; done: checked (dry run) or stored; rejected: nothing stored. */
  status: z.enum(['running', 'done', 'rejected']),
  /** checking: rows checked one by one; applying: all rows stored in one transaction; finished. */
  stage: z.enum(['checking', 'applying', 'finished']),
  createdBy: z.string(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  total: z.number().int(),
  /** Rows checked so far (valid, invalid or stored). */
  done: z.number().int(),
  /** Rows with a problem. */
  failed: z.number().int(),
  /** Rows stored. */
  applied: z.number().int(),
};

export const importJobSummarySchema = z.object(header);
export const importJobListSchema = z.object({ items: z.array(importJobSummarySchema) });

export const importJobSchema = z.object({
  ...header,
  /** Problems of the file as a whole (unreadable, unknown or missing columns). */
  fileProblems: z.array(problem),
  /** True when the asking admin started the job (only they get the sealed passwords). */
  mine: z.boolean(),
  rows: z.array(
    z.object({
      position: z.number().int(),
      line: z.number().int(),
      status: z.enum(['pending', 'valid', 'invalid', 'applied']),
      problems: z.array(problem),
      /** What was stored, or in a dry run what would be (an account or a committee member). */
      result: z.record(z.string(), z.unknown()).nullable(),
      /** The temporary password encrypted with the creator's reveal key (RSA-OAEP, base64); creator only. */
      sealedPassword: z.string().nullable(),
    }),
  ),
  /** `from` of the next page of rows; null on the last. */
  nextFrom: z.number().int().nullable(),
});
