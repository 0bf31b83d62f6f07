/** What the registry endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { CHANGE_KINDS, UNIT_KINDS, UNIT_SETTINGS } from '@kientoan/domain';
import { calendarDate } from '../common/openapi/api-responses';
import { decisionLinkSchema, unitHistoryExtrasSchema } from './registry-browser.responses';

const unitKind = z.enum(UNIT_KINDS);
const unitStatus = z.enum(['active', 'dissolved']);

export const wardListSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      ordinal: z.number().int(),
      kind: z.string(),
      name: z.string(),
      organizations: z.number().int(),
    }),
  ),
});

/** A change issued and waiting for its effective date (sắp có hiệu lực). */
export const scheduledChangeSchema = z.object({
  unitId: z.string(),
  effectiveDate: calendarDate,
  change: z.string().nullable(),
  name: z.string(),
  kind: unitKind,
  parentId: z.string().nullable(),
  status: unitStatus,
  decision: z.object({ symbol: z.string().nullable(), signedOn: calendarDate.nullable() }),
});

/** …with the issued document that scheduled it, to link to. */
export const scheduledChangeLinkedSchema = scheduledChangeSchema.extend({ document: decisionLinkSchema });

const treeNodeFields = {
  id: z.string(),
  name: z.string(),
  kind: unitKind,
  setting: z.enum(UNIT_SETTINGS),
  fullMembers: z.number().int(),
  secretary: z.string().nullable(),
  scheduled: z.array(scheduledChangeSchema),
};
/**
 * A tree node with its children to `depth` levels. JSON Schema would need a `$ref` for recursion, which an
 * inline OpenAPI schema cannot hold; ward trees are at most five levels deep (ward committee → grassroots
 * committee → sub-committee → cell), so the levels are spelled out and the last one is left open.
 */
const treeNode = (depth: number): z.ZodType =>
  z.object({
    ...treeNodeFields,
    children: depth > 1 ? z.array(treeNode(depth - 1)) : z.array(z.unknown()),
  });

export const wardTreeSchema = z.object({
  ward: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  asOf: calendarDate.nullable(),
  onDate: calendarDate.describe('The date the tree shows (asOf, or today in Hà Nội)'),
  organizations: z.number().int(),
  tree: z.array(treeNode(6)),
  scheduled: z.array(scheduledChangeLinkedSchema).describe('Issued, taking effect after onDate'),
});

export const unitSearchSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: unitKind,
      status: unitStatus,
      fullMembers: z.number().int(),
      wardCode: z.string(),
      wardName: z.string(),
      parentId: z.string().nullable(),
      parentName: z.string().nullable(),
    }),
  ),
});

const unitVersion = z.object({
  validFrom: calendarDate,
  validTo: calendarDate.nullable(),
  name: z.string(),
  kind: unitKind,
  setting: z.enum(UNIT_SETTINGS),
  parentId: z.string().nullable(),
  fullMembers: z.number().int(),
  status: unitStatus,
  change: z.string().nullable(),
  decisionRef: z.string().nullable(),
  decision: decisionLinkSchema,
  scheduled: z.boolean(),
});
const lineageLink = z.looseObject({
  id: z.string(),
  name: z.string(),
  change: z.string(),
  effectiveDate: calendarDate,
  decisionRef: z.string().nullable(),
  decision: decisionLinkSchema,
});
export const unitDetailSchema = z
  .object({
    id: z.string(),
    wardCode: z.string(),
    name: z.string(),
    kind: unitKind,
    kindLabel: z.object({ vi: z.string(), en: z.string() }),
    setting: z.enum(UNIT_SETTINGS),
    status: z.enum(['active', 'dissolved', 'scheduled']),
    onDate: calendarDate,
    fullMembers: z.number().int(),
    parent: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    scheduled: z.array(scheduledChangeLinkedSchema),
    officers: z.array(
      z.object({
        role: z.string(),
        personName: z.string(),
        since: calendarDate,
        decisionRef: z.string().nullable(),
        decision: decisionLinkSchema,
      }),
    ),
    formerNames: z.array(z.string()),
    asOf: z.object({ date: calendarDate, version: unitVersion.nullable() }).nullable(),
    history: z.array(unitVersion),
    officerHistory: z.array(
      z.object({
        role: z.string(),
        personName: z.string(),
        validFrom: calendarDate,
        validTo: calendarDate.nullable(),
        decisionRef: z.string().nullable(),
        decision: decisionLinkSchema,
        scheduled: z.boolean(),
      }),
    ),
    lineage: z.object({ predecessors: z.array(lineageLink), successors: z.array(lineageLink) }),
  })
  .extend(unitHistoryExtrasSchema.shape);

const unitView = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  fullMembers: z.number().int(),
  status: unitStatus,
  secretary: z.string().nullable(),
});
/** Before/after of a resolution (libs/domain resolution-preview.ts). */
export const resolutionPreviewSchema = z.object({
  entries: z.array(
    z.object({
      itemIndex: z.number().int(),
      change: z.enum(CHANGE_KINDS),
      before: unitView.nullable(),
      after: unitView,
    }),
  ),
  countsByChange: z.partialRecord(z.enum(CHANGE_KINDS), z.number().int()),
  organizationsBefore: z.number().int(),
  organizationsAfter: z.number().int(),
});
export const previewResponseSchema = resolutionPreviewSchema.extend({
  wardCode: z.string(),
  asOf: calendarDate.nullable(),
});
