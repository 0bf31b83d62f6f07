/** What the supervision endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { PROCEDURE_STEPS } from '@kientoan/domain';
import { calendarDate, timestamp } from '../common/openapi/api-responses';
import { actionResultSchema, waitingForSchema } from '../procedures/procedure.responses';

const step = z.enum(PROCEDURE_STEPS);

export const stalledListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ward: z.object({ code: z.string(), name: z.string() }),
      kind: z.string(),
      status: z.enum(['running', 'failed']),
      failure: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
      step: step.nullable(),
      stepLabel: z.object({ vi: z.string(), en: z.string() }).nullable(),
      waitingFor: waitingForSchema.nullable(),
      /** When the procedure started waiting in its current step. */
      waitingSince: timestamp.nullable(),
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

const area = z.object({ code: z.string(), name: z.string() }).nullable();
const kind = z.string().nullable();

export const cityBoardSchema = z.object({
  asOf: timestamp,
  /** Monday 00:00 in Hà Nội: where "completed this week" starts. */
  weekStart: timestamp,
  kind,
  totals: z.object({
    running: z.record(step, z.number().int()),
    runningTotal: z.number().int(),
    overdue: z.number().int(),
    stalled: z.number().int(),
    failed: z.number().int(),
    completedThisWeek: z.number().int(),
  }),
  wards: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      ordinal: z.number().int(),
      area: area.describe('Khu vực (quận, huyện, thị xã cũ) — suy ra từ danh sách chính thức / derived'),
      running: z.record(step, z.number().int()),
      runningTotal: z.number().int(),
      overdue: z.number().int(),
      stalled: z.number().int(),
      failed: z.number().int(),
      completedThisWeek: z.number().int(),
    }),
  ),
});

const duration = z.object({ medianDays: z.number(), samples: z.number().int() });

export const completionProjectionSchema = z.object({
  asOf: timestamp,
  target: calendarDate,
  kind,
  openProcedures: z.number().int(),
  wardsWithOpen: z.number().int(),
  cityMedians: z.record(z.string(), duration),
  wards: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      area,
      open: z.number().int(),
      late: z.number().int(),
      projectedFinish: timestamp,
      reason: z.object({
        step,
        days: z.number().int(),
        source: z.enum(['ward', 'city', 'deadline']),
      }),
    }),
  ),
});

const action = z.enum(['remind', 'escalate', 'cancel']);

const jobHeader = {
  id: z.uuid(),
  action,
  filter: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestamp,
  status: z.enum(['running', 'done']),
  total: z.number().int(),
  finishedAt: timestamp.nullable(),
  pending: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
};

export const supervisionJobSchema = z.object({
  ...jobHeader,
  items: z.array(
    z.object({
      procedureId: z.uuid(),
      title: z.string(),
      ward: z.object({ code: z.string(), name: z.string() }).nullable(),
      step: step.nullable(),
      procedureStatus: z.string().nullable(),
      status: z.enum(['pending', 'ok', 'failed']),
      code: z.string().nullable(),
      message: z.string().nullable(),
      finishedAt: timestamp.nullable(),
    }),
  ),
});

export const supervisionJobListSchema = z.object({ items: z.array(z.object(jobHeader)) });

export const supervisionJobStartSchema = z.union([
  z.object({
    dryRun: z.literal(true),
    action,
    matched: z.number().int(),
    wouldTouch: z.number().int(),
    procedures: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        kind: z.string(),
        ward: z.object({ code: z.string(), name: z.string() }),
        step: step.nullable(),
        stepLabel: z.object({ vi: z.string(), en: z.string() }).nullable(),
        waitingFor: waitingForSchema.nullable(),
        dueAt: timestamp.nullable(),
        stalledSince: timestamp.nullable(),
      }),
    ),
  }),
  z.object({ dryRun: z.literal(false), job: supervisionJobSchema }),
]);
