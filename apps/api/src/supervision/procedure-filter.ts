import type { Prisma } from '@kientoan/platform';
import type { BulkAction } from './supervision.schemas';

/** Running procedures matching a supervision filter, as a Prisma where clause (uses procedure indexes). */
export const runningProceduresWhere = (
  filter: BulkAction['filter'],
  now: Date,
): Prisma.ProcedureWhereInput => ({
  status: 'running',
  ...(filter.wardCode ? { wardCode: filter.wardCode } : {}),
  ...(filter.step ? { currentStep: filter.step } : {}),
  ...(filter.stalledForHours !== undefined
    ? { stalledSince: { not: null, lte: new Date(now.getTime() - filter.stalledForHours * 3_600_000) } }
    : {}),
});
