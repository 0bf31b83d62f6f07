import { z } from 'zod';
import { PROCEDURE_STEPS } from '@kientoan/domain';
import { keysetCursorSchema } from '../common/validation/cursor.schema';

export const inboxQuerySchema = z
  .object({
    wardCode: z.string().min(1).max(64).optional(),
    kind: z.string().min(1).max(32).optional(),
    step: z.enum(PROCEDURE_STEPS).optional(),
    dueBefore: z.iso.datetime().optional(),
    sort: z.enum(['due_asc', 'due_desc']).default('due_asc'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    /** Keyset cursor from the previous page: "<dueAt ISO>|<id>". */
    after: keysetCursorSchema.optional(),
  })
  .strict();
export type InboxQuery = z.output<typeof inboxQuerySchema>;
