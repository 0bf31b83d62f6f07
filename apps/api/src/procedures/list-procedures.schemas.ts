import { z } from 'zod';
import { CHANGE_KINDS, PROCEDURE_STEPS } from '@kientoan/domain';
import { timestamp } from '../common/openapi/api-responses';
import { procedureStatusSchema, waitingForSchema } from './procedure.responses';

const SORTS = ['created_desc', 'created_asc', 'due_asc'] as const;

export const listProceduresQuerySchema = z
  .object({
    wardCode: z.string().min(1).max(64).optional(),
    status: procedureStatusSchema.optional(),
    step: z.enum(PROCEDURE_STEPS).optional(),
    kind: z.enum([...CHANGE_KINDS, 'mixed']).optional(),
    waitingFor: waitingForSchema.optional(),
    dueBefore: z.iso.datetime().optional(),
    sort: z
      .enum(SORTS)
      .default('created_desc')
      .describe('created_desc | created_asc | due_asc (due_asc lists only procedures with a due date)'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    /** Keyset cursor from the previous page's `next`. */
    after: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[^|]+\|[0-9a-f-]{36}$/)
      .optional()
      .describe('Cursor: the previous page\'s "next"'),
  })
  .strict();
export type ListProceduresQuery = z.output<typeof listProceduresQuerySchema>;

export const procedureListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.string(),
      ward: z.object({ code: z.string(), name: z.string() }),
      status: procedureStatusSchema,
      currentStep: z.enum(PROCEDURE_STEPS).nullable(),
      waitingFor: waitingForSchema.nullable(),
      round: z.number().int(),
      dueAt: timestamp.nullable(),
      stalledSince: timestamp.nullable(),
      createdAt: timestamp,
      completedAt: timestamp.nullable(),
      decisionSymbol: z.string().nullable(),
    }),
  ),
  next: z.string().nullable().describe('Cursor for `after`; null on the last page'),
});
