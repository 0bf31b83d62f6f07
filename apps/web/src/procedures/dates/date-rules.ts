/**
 * What the start page says about the dates a secretary picks, from the domain's rules
 * (libs/domain procedure-dates.ts): the effective date and the ceremony are never before today (Hà Nội),
 * nor beyond the configured window (EFFECTIVE_DATE_MAX_DAYS_AHEAD, 365 by default: the API says the exact
 * limit next to the field); a ceremony before the decision's issue moves to the first working day on or
 * after issue. Pure.
 */
import { VIETNAM_PUBLIC_HOLIDAYS, isWorkingDay } from '@kientoan/domain/calendar/working-days';
import { dateInVietnam } from '@kientoan/domain/calendar/vietnam-time';

/** Today in Hà Nội (YYYY-MM-DD), the earliest date either field accepts. */
export const todayInVietnam = (now: Date = new Date()): string => dateInVietnam(now);

/** A day the pickers refuse outright: before today in Hà Nội (the API refuses it: DATE_IN_THE_PAST). */
export const isBeforeToday = (isoDate: string, now: Date = new Date()): boolean =>
  isoDate < todayInVietnam(now);

export type CeremonyNote = 'dayOff' | 'beforeEffective' | null;

/**
 * A caution about a chosen ceremony day (not a refusal): a weekend or public holiday, or before the
 * decision's requested effective date.
 */
export const ceremonyNote = (ceremonyDate: string, effectiveDate: string | null): CeremonyNote => {
  if (!isWorkingDay(ceremonyDate, VIETNAM_PUBLIC_HOLIDAYS)) return 'dayOff';
  if (effectiveDate && ceremonyDate < effectiveDate) return 'beforeEffective';
  return null;
};
