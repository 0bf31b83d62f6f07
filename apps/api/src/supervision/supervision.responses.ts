/** What the supervision endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { PROCEDURE_STEPS } from '@kientoan/domain';
import { timestamp } from '../common/openapi/api-responses';
import { actionResultSchema, waitingForSchema } from '../procedures/procedure.responses';

const step = z.enum(PROCEDURE_STEPS);

export const stalledListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ward: z.object({ code: z.string(), name: z.string() }),
      kind: z.string(),
      step: step.nullable(),
      stepLabel: z.object({ vi: z.string(), en: z.string() }).nullable(),
      waitingFor: waitingForSchema.nullable(),
      dueAt: timestamp.nullable(),
      stalledSince: timestamp.nullable(),
      stalledHours: z.number().int().nullable(),
    }),
  ),
  next: z.string().nullable(),
});

export const wardProgressSchema = z.object({
  wards: z.number().int(),
  totals: z.object({
    running: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int(),
    stalled: z.number().int(),
  }),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      running: z.record(step, z.number().int()),
      runningTotal: z.number().int(),
      completed: z.number().int(),
      overdue: z.number().int(),
      stalled: z.number().int(),
    }),
  ),
});

export const bulkActionResponseSchema = z.union([
  z.object({
    dryRun: z.literal(true),
    action: z.enum(['remind', 'escalate', 'cancel']),
    matched: z.number().int(),
    wouldTouch: z.number().int(),
  }),
  z.object({
    dryRun: z.literal(false),
    action: z.enum(['remind', 'escalate', 'cancel']),
    matched: z.number().int(),
    touched: z.number().int(),
    results: z.array(
      z.object({
        procedureId: z.uuid(),
        ok: z.boolean(),
        code: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
  }),
]);

export const cancelResponseSchema = actionResultSchema;
