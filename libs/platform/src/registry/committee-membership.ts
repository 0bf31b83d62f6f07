/**
 * "A member of a ward's standing committee serving on day D", said once: active, served from D or earlier,
 * and not yet left on D (the day is the Vietnam calendar date, stored as a UTC midnight). The vote's voters,
 * the approver role of an account and any recipient lookup use this clause.
 */
import { dateInVietnam } from '@kientoan/domain';
import type { Prisma } from '../../../../prisma/generated/client/client';

/** The Vietnam calendar day of an instant, as PostgreSQL's `date` columns hold it. */
export const vietnamDay = (instant: Date): Date => new Date(`${dateInVietnam(instant)}T00:00:00Z`);

export const servingOn = (instant: Date): Prisma.WardCommitteeMemberWhereInput => {
  const day = vietnamDay(instant);
  return { active: true, servedFrom: { lte: day }, OR: [{ servedTo: null }, { servedTo: { gt: day } }] };
};
