/** What the registry browser's reads send, as Zod schemas (OpenAPI and the web app's generated types). */
import { z } from 'zod';
import { UNIT_KINDS } from '@kientoan/domain';
import { calendarDate, timestamp } from '../common/openapi/api-responses';

/** An issued document as the register lists it, and as history entries link to it. */
export const issuedDocumentSchema = z.object({
  docType: z.enum(['NQ', 'QĐ']),
  series: z
    .string()
    .describe('Dãy số: nhiệm kỳ (ngày đầu) hoặc năm với văn bản cũ / the numbering span: a term, or a year'),
  number: z.number().int(),
  symbol: z.string().describe('Số 01-QĐ/ĐU'),
  issuedAt: timestamp,
  issuedOn: calendarDate,
  effectiveDate: calendarDate,
  title: z.string(),
  status: z.enum(['issued', 'withdrawn']),
  procedureId: z.string(),
  document: z
    .string()
    .describe(
      'GET /api/procedures/{procedureId}/documents/{document}: "resolution", "decision" or a position',
    ),
});

/** The decision that made a version, an officer period or a lineage link (null: seeded or imported data). */
export const decisionLinkSchema = issuedDocumentSchema.nullable();

export const registerSeriesSchema = z.object({
  docType: z.string(),
  series: z.string(),
  count: z.number().int(),
  withdrawn: z.number().int(),
  last: z.number().int(),
  missing: z.array(z.number().int()).describe('Số bị thiếu: luôn rỗng / numbers skipped: always empty'),
  duplicated: z.array(z.number().int()),
});

export const registerPageSchema = z.object({
  ward: z.object({ code: z.string(), name: z.string() }),
  total: z.number().int().describe('Văn bản khớp bộ lọc / documents matching the filters'),
  items: z.array(issuedDocumentSchema),
  next: z.string().nullable().describe('Con trỏ trang sau / pass as `after`'),
  series: z.array(registerSeriesSchema).describe('Kiểm tra liên tục của từng dãy số / each series checked'),
});

const fieldChange = z.object({
  field: z.enum(['name', 'kind', 'setting', 'parent', 'fullMembers', 'status']),
  from: z.union([z.string(), z.number()]).nullable(),
  to: z.union([z.string(), z.number()]).nullable(),
  fromName: z.string().nullable().describe('For parent: the former parent’s name'),
  toName: z.string().nullable(),
});

export const unitHistoryExtrasSchema = z.object({
  events: z.array(
    z.object({
      effectiveDate: calendarDate,
      type: z.enum(['created', 'changed']),
      change: z.string().nullable(),
      decisionRef: z.string().nullable(),
      decision: decisionLinkSchema,
      fields: z.array(fieldChange),
      scheduled: z.boolean(),
    }),
  ),
  former: z.object({
    names: z.array(formerValue(z.string())),
    kinds: z.array(formerValue(z.enum(UNIT_KINDS))),
    parents: z.array(formerValue(z.object({ id: z.string().nullable(), name: z.string().nullable() }))),
  }),
});

function formerValue<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    from: calendarDate,
    to: calendarDate,
    endedBy: z.string().nullable(),
    decision: decisionLinkSchema,
  });
}

export const lineageGraphSchema = z.object({
  unitId: z.string(),
  nodes: z.array(
    z.object({
      key: z.string(),
      unitId: z.string(),
      name: z.string(),
      kind: z.enum(UNIT_KINDS),
      status: z.enum(['active', 'dissolved']),
      focus: z.boolean(),
      since: calendarDate.nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      change: z.string(),
      effectiveDate: calendarDate,
      decisionRef: z.string().nullable(),
      decision: decisionLinkSchema,
    }),
  ),
});
