/** The import of resolution items from a spreadsheet: the form fields beside the file, and the answer. */
import { z } from 'zod';
import { SHEET_ITEM_KINDS, UNIT_KINDS, UNIT_ROW_KINDS, UNIT_SETTINGS } from '@kientoan/domain';
import { resolutionItemSchema } from '../../registry/resolution-items.schema';

/** The largest file accepted (bytes): a 1,000-row sheet is a few tens of kilobytes. */
export const SHEET_MAX_BYTES = 2 * 1024 * 1024;
/** Rows of items one file may hold (a resolution takes at most 1,000 items), plus the header. */
export const SHEET_MAX_ROWS = 1001;

export const importItemsFormSchema = z
  .object({
    wardCode: z.string().min(1).max(64),
    /**
     * The kind of rows whose kind column is empty (or that have no kind column): one that acts on an existing
     * unit. Establish, upgrade and merge rows say so in their kind column.
     */
    kind: z.enum(UNIT_ROW_KINDS).default('rename'),
  })
  .strict();
export type ImportItemsForm = z.output<typeof importItemsFormSchema>;

/** The multipart request as documented (the file itself is checked by the use case). */
export const importItemsRequestOpenApi = {
  type: 'object',
  required: ['file', 'wardCode'],
  properties: {
    file: { type: 'string', format: 'binary', description: '.xlsx hoặc .csv (UTF-8, ";" hoặc ",")' },
    wardCode: { type: 'string', example: 'phuong-kim-lien' },
    kind: { type: 'string', enum: [...UNIT_ROW_KINDS], default: 'rename' },
  },
} as const;

export const importedRowSchema = z.object({
  line: z.number().int().describe('Dòng trong bảng tính / row number in the sheet'),
  kind: z.enum(SHEET_ITEM_KINDS),
  unitId: z.string(),
  unitName: z.string().optional(),
  newName: z.string().optional(),
  parentId: z.string().optional(),
  secretary: z.string().optional(),
  unitIds: z
    .array(z.string())
    .optional()
    .describe('Hợp nhất: các tổ chức hợp nhất / merge: the units merged'),
  unitNames: z.array(z.string()).optional(),
  name: z.string().optional().describe('Thành lập, hợp nhất: tên tổ chức mới / the new organization'),
  unitKind: z.enum(UNIT_KINDS).optional(),
  setting: z.enum(UNIT_SETTINGS).optional(),
  fullMembers: z.number().int().optional(),
  problem: z.string().optional().describe('Lỗi của dòng (tiếng Việt) / what is wrong with the row'),
});

export const importedItemsSchema = z.object({
  wardCode: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rows: z.array(importedRowSchema),
  /** The rows as POST /api/procedures takes them. */
  items: z.array(resolutionItemSchema),
});

export const templateQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
