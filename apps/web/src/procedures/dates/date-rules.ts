/**
 * What the start page says about the dates a secretary picks, from the domain's rules
 * (libs/domain procedure-dates.ts): the effective date and the ceremony are never before today (Hà Nội),
 * nor beyond the configured window (EFFECTIVE_DATE_MAX_DAYS_AHEAD, published by GET /api/procedures/rules);
 * a ceremony before the decision's issue moves to the first working day on or after issue. Pure.
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

/** The days a date field accepts (YYYY-MM-DD, both ends included), as GET /api/procedures/rules says. */
export interface DateWindow {
  readonly earliest: string;
  readonly latest: string;
  readonly maxDaysAhead: number;
}

export type DateProblem = 'beforeToday' | 'tooFarAhead';

/**
 * Why the API would refuse this date, or null. Without the rules (not loaded yet, or unreachable) only
 * "before today" is known; the earliest day is the later of the API's today and this device's (a page left
 * open past midnight, a clock behind).
 */
export const dateProblem = (
  isoDate: string,
  window: DateWindow | null,
  now: Date = new Date(),
): DateProblem | null => {
  const today = todayInVietnam(now);
  const earliest = window && window.earliest > today ? window.earliest : today;
  if (isoDate < earliest) return 'beforeToday';
  if (window && isoDate > window.latest) return 'tooFarAhead';
  return null;
};

/** A date typed as people write it (D/M/YYYY, with / . or -), as YYYY-MM-DD; null when it is not one. */
export const parseTypedDate = (text: string): string | null => {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
};
