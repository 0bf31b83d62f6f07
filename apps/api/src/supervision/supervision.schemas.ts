import { z } from 'zod';
import { PROCEDURE_STEPS } from '@kientoan/domain';
import { cleanTextSchema } from '../common/validation/clean-text.schema';
import { keysetCursorSchema } from '../common/validation/cursor.schema';

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
