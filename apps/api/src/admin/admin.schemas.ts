/** Request schemas come from @kientoan/platform (shared with the CLI); these describe the answers. */
import { z } from 'zod';

export const csvImportSchema = z
  .object({
    /** The CSV text (UTF-8, first line the headings). */
    csv: z.string().min(1).max(1_000_000).optional(),
    /** Or an Excel workbook (.xlsx, base64): its first sheet, read as its CSV export would be. */
    xlsx: z.base64().min(1).max(1_000_000).optional(),
    /** Check every row as the import would, store nothing (answers what would be created). */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((b) => (b.csv === undefined) !== (b.xlsx === undefined), {
    path: ['csv'],
    message: 'Gửi đúng một trong hai: csv hoặc xlsx.',
    params: { en: 'Send exactly one of csv and xlsx.' },
  });
export type CsvImportBody = z.output<typeof csvImportSchema>;

export const accountViewSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  supervisor: z.boolean(),
  admin: z.boolean(),
  memberId: z.string().nullable(),
  disabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
  createdAt: z.iso.datetime(),
  wardRoles: z.array(z.object({ wardCode: z.string(), role: z.enum(['secretary', 'reviewer']) })),
});
export const accountPageSchema = z.object({
  items: z.array(accountViewSchema),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});
export const accountWithPasswordSchema = z.object({
  account: accountViewSchema,
  /** Shown once: hand it over; it must be changed at first sign-in. */
  temporaryPassword: z.string(),
});
export const memberViewSchema = z.object({
  id: z.string(),
  wardCode: z.string(),
  fullName: z.string(),
  position: z.string(),
  servedFrom: z.iso.date(),
  servedTo: z.iso.date().nullable(),
  active: z.boolean(),
  username: z.string().nullable(),
});
export const memberPageSchema = z.object({ items: z.array(memberViewSchema), next: z.string().nullable() });
export const accountImportSchema = z.object({
  /** True: nothing was stored; `created` is what the import would create. */
  dryRun: z.boolean(),
  created: z.array(
    z.object({
      /** The line of the file (1 = the headings). */
      line: z.number().int(),
      account: accountViewSchema,
      /** Shown once; null in a dry run. */
      temporaryPassword: z.string().nullable(),
    }),
  ),
});
export const memberImportSchema = z.object({
  dryRun: z.boolean(),
  created: z.array(memberViewSchema.extend({ line: z.number().int() })),
});

export const wardCongressesViewSchema = z.object({
  wardCode: z.string(),
  wardName: z.string(),
  wardTitle: z.string(),
  congresses: z.array(z.object({ ordinal: z.number().int(), name: z.string(), closedOn: z.iso.date() })),
  /** The terms documents are already numbered in: their congress days cannot cross these documents. */
  numberedTerms: z.array(
    z.object({
      term: z.string(),
      from: z.iso.date().nullable(),
      to: z.iso.date().nullable(),
      documents: z.number().int(),
      firstDay: z.iso.date(),
      lastDay: z.iso.date(),
    }),
  ),
});
