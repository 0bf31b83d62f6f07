import type { Prisma } from '@kientoan/platform';
import type { BulkAction } from './supervision.schemas';

/**
 * Procedures matching a supervision filter, as a Prisma where clause (uses procedure indexes): running ones
 * for actions; with `includeFailed`, failed ones too (they are stalled from the moment they failed).
 */
export const runningProceduresWhere = (
  filter: BulkAction['filter'],
  now: Date,
  { includeFailed = false }: { includeFailed?: boolean } = {},
): Prisma.ProcedureWhereInput => ({
  status: includeFailed ? { in: ['running', 'failed'] } : 'running',
  ...(filter.wardCode ? { wardCode: filter.wardCode } : {}),
  ...(filter.step ? { currentStep: filter.step } : {}),
  ...(filter.kind ? { kind: filter.kind } : {}),
  ...(filter.stalledForHours !== undefined
    ? { stalledSince: { not: null, lte: new Date(now.getTime() - filter.stalledForHours * 3_600_000) } }
    : {}),
});
