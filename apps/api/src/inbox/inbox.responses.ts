/** What the inbox endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { PROCEDURE_STEPS, VOTE_CHOICES } from '@kientoan/domain';
import { timestamp } from '../common/openapi/api-responses';
import { waitingForSchema } from '../procedures/procedure.responses';
import { resolutionPreviewSchema } from '../registry/registry.responses';

export const inboxListSchema = z.object({
  counts: z.object({
    review: z.number().int(),
    secretary: z.number().int(),
    vote: z.number().int(),
    acknowledge: z.number().int(),
    total: z.number().int(),
  }),
  acknowledgements: z.array(
    z.object({
      procedureId: z.uuid(),
      unitId: z.string(),
      unitName: z.string(),
      message: z.string(),
      publishedAt: timestamp,
    }),
  ),
  items: z.array(
    z.object({
      procedureId: z.uuid(),
      task: z.enum(['review', 'submit_draft', 'resubmit', 'vote']),
      title: z.string(),
      kind: z.string(),
      wardCode: z.string(),
      wardName: z.string(),
      step: z.enum(PROCEDURE_STEPS).nullable(),
      round: z.number().int(),
      dueAt: timestamp.nullable(),
      stalledSince: timestamp.nullable(),
    }),
  ),
  next: z.string().nullable().describe('Keyset cursor for `after`'),
});

const violation = z.object({
  code: z.string(),
  itemIndex: z.number().int(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const inboxTaskSchema = z.object({
  procedureId: z.uuid(),
  title: z.string(),
  wardCode: z.string(),
  step: z.enum(PROCEDURE_STEPS).nullable(),
  waitingFor: waitingForSchema.nullable(),
  round: z.number().int(),
  dueAt: timestamp.nullable(),
  stalledSince: timestamp.nullable(),
  draft: z.object({ version: z.number().int(), body: z.string(), decisionBody: z.string() }).nullable(),
  diff: z.union([resolutionPreviewSchema, z.object({ violations: z.array(violation) })]),
  votes: z.array(
    z.object({
      voterId: z.string(),
      choice: z.enum(VOTE_CHOICES),
      comment: z.string().nullable(),
      castAt: timestamp,
    }),
  ),
});
