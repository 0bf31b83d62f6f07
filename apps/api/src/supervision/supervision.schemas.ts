import { z } from 'zod';
import { PROCEDURE_STEPS, cleanText } from '@kientoan/domain';

const filter = {
  wardCode: z.string().min(1).max(64).optional(),
  step: z.enum(PROCEDURE_STEPS).optional(),
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
    after: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[^|]+\|[0-9a-f-]{36}$/)
      .optional(),
  })
  .strict();
export type StalledQuery = z.output<typeof stalledQuerySchema>;

export const bulkActionSchema = z
  .object({
    action: z.enum(['remind', 'escalate', 'cancel']),
    filter: z.object(filter).strict().default({}),
    reason: z.string().transform(cleanText).pipe(z.string().min(1).max(2000)).optional(),
    /** true: only count what would be touched. */
    dryRun: z.boolean().default(true),
    /** Safety limit: at most this many procedures per call. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine((b) => b.action !== 'cancel' || b.reason, {
    path: ['reason'],
    message: 'A reason is required to cancel',
  });
export type BulkAction = z.output<typeof bulkActionSchema>;
