import { z } from 'zod';
import { CHANGE_KINDS, PROCEDURE_STEPS } from '@kientoan/domain';
import { cleanTextSchema } from '../common/validation/clean-text.schema';
import { keysetCursorSchema } from '../common/validation/cursor.schema';

const filter = {
  wardCode: z.string().min(1).max(64).optional(),
  step: z.enum(PROCEDURE_STEPS).optional(),
  /** Only procedures whose kind of change is this one. */
  kind: z.enum(CHANGE_KINDS).optional(),
  /** Only procedures stalled at least this long (hours). */
  stalledForHours: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .optional(),
};

export const stalledQuerySchema = z
  .object({
    ...filter,
    stalledForHours: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset cursor from the previous page: "<stalledSince ISO>|<id>". */
    after: keysetCursorSchema.optional(),
  })
  .strict();
export type StalledQuery = z.output<typeof stalledQuerySchema>;

export const bulkActionSchema = z
  .object({
    action: z.enum(['remind', 'escalate', 'cancel']),
    filter: z.object(filter).strict().default({}),
    reason: cleanTextSchema('paragraph', 2000).optional(),
    /** true: only count what would be touched. */
    dryRun: z.boolean().default(true),
    /** Safety limit: at most this many procedures per call. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine((b) => b.action !== 'cancel' || b.reason, {
    path: ['reason'],
    message: 'Cần nêu lý do khi huỷ thủ tục.',
    params: { en: 'A reason is required to cancel.' },
  });
export type BulkAction = z.output<typeof bulkActionSchema>;

/** The city board's numbers, optionally for one kind of change. */
export const boardQuerySchema = z.object({ kind: z.enum(CHANGE_KINDS).optional() }).strict();
export type BoardQuery = z.output<typeof boardQuerySchema>;

/** Which wards will miss a target date (YYYY-MM-DD, Hà Nội). */
export const projectionQuerySchema = z
  .object({
    target: z.iso.date(),
    kind: z.enum(CHANGE_KINDS).optional(),
  })
  .strict();
export type ProjectionQuery = z.output<typeof projectionQuerySchema>;

/**
 * A bulk action as a server-side job: `dryRun` (the default) answers the count and the list of procedures it
 * would touch; a real run stores the selection as a job and works through it in the background.
 */
export const supervisionJobSchema = z
  .object({
    action: z.enum(['remind', 'escalate', 'cancel']),
    filter: z.object(filter).strict().default({}),
    reason: cleanTextSchema('paragraph', 2000).optional(),
    dryRun: z.boolean().default(true),
    /** At most this many procedures (oldest stall first). */
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict()
  .refine((b) => b.action !== 'cancel' || b.reason, {
    path: ['reason'],
    message: 'Cần nêu lý do khi huỷ thủ tục.',
    params: { en: 'A reason is required to cancel.' },
  });
export type SupervisionJobRequest = z.output<typeof supervisionJobSchema>;

export const jobIdSchema = z.uuid();

export const jobListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(50).default(10) })
  .strict();
