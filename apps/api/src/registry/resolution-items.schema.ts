/** The wire format of resolution items, validated at the edge before the registry rules run. */
import { z } from 'zod';
import { UNIT_KINDS, UNIT_SETTINGS, cleanText } from '@kientoan/domain';
import { cleanTextSchema } from '../common/validation/clean-text.schema';

const id = z.string().min(1).max(80);
const name = cleanTextSchema('name', 300);
const person = cleanTextSchema('name', 200);
const members = z.number().int().min(0).max(100_000);

export const resolutionItemSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('establish'),
      ref: z.string().min(1).max(40).optional(),
      name,
      unitKind: z.enum(UNIT_KINDS),
      setting: z.enum(UNIT_SETTINGS),
      parentId: id,
      fullMembers: members,
    })
    .strict(),
  z.object({ kind: z.literal('rename'), unitId: id, newName: name }).strict(),
  z
    .object({
      kind: z.literal('renumber'),
      unitIds: z.array(id).min(1).max(500),
      pattern: name,
      startAt: z.number().int().min(0).max(100_000).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('upgrade'),
      unitId: id,
      toKind: z.enum(['grassroots_cell', 'grassroots_committee']),
      parentId: id.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('merge'),
      unitIds: z.array(id).min(2).max(100),
      ref: z.string().min(1).max(40).optional(),
      name,
      unitKind: z.enum(UNIT_KINDS),
      setting: z.enum(UNIT_SETTINGS),
      parentId: id,
    })
    .strict(),
  z.object({ kind: z.literal('dissolve'), unitId: id }).strict(),
  z.object({ kind: z.literal('transfer'), unitId: id, parentId: id }).strict(),
  z
    .object({
      kind: z.literal('appoint'),
      unitId: id,
      secretary: person,
      deputies: z.array(person).max(5).optional(),
      committee: z.array(person).max(30).optional(),
    })
    .strict(),
]);

export const isoDate = z.iso.date();

export const previewSchema = z
  .object({
    wardCode: z.string().min(1).max(64),
    items: z.array(resolutionItemSchema).min(1).max(1000),
    /** Rules run against the registry as of this date (default: today). */
    asOf: isoDate.optional(),
  })
  .strict();
export type PreviewBody = z.output<typeof previewSchema>;

export const treeQuerySchema = z.object({ asOf: isoDate.optional() }).strict();

export const searchQuerySchema = z
  .object({
    q: z.string().transform(cleanText).pipe(z.string().min(1).max(100)),
    wardCode: z.string().min(1).max(64).optional(),
    includeDissolved: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const wardListQuerySchema = z
  .object({
    sort: z.enum(['ordinal', 'name']).default('ordinal'),
    kind: z.enum(['phuong', 'xa']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
