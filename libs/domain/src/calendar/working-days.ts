/**
 * Deadlines in working days: weekends and Vietnamese public holidays do not count. Pure: the start instant
 * and the holiday list are passed in. Dates are calendar dates in Vietnam (UTC+7).
 */
import { ANNOUNCED_DAYS } from './public-holidays';
import { dateInVietnam } from './vietnam-time';

/**
 * Public holidays (nghỉ lễ, Tết) 2025–2026 as announced: the fallback list. The API starts each procedure with
 * the holidays of the years around it (public-holidays.ts: computed for any year, announced years as data).
 */
export const VIETNAM_PUBLIC_HOLIDAYS: readonly string[] = Object.values(ANNOUNCED_DAYS).flatMap(
  (y) => y.daysOff,
);

const DAY_MS = 24 * 60 * 60 * 1000;

/** A weekday that is not a holiday, or a weekend day announced as worked (làm bù). */
export const isWorkingDay = (
  isoDate: string,
  holidays: readonly string[],
  workingDays: readonly string[] = [],
): boolean => {
  if (workingDays.includes(isoDate)) return true;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDate);
};

/** The same time of day `days` working days after `start` (counting only working days). */
export const addWorkingDays = (
  start: Date,
  days: number,
  holidays: readonly string[] = VIETNAM_PUBLIC_HOLIDAYS,
  workingDays: readonly string[] = [],
): Date => {
  let cursor = start.getTime();
  let remaining = days;
  while (remaining > 0) {
    cursor += DAY_MS;
    if (isWorkingDay(dateInVietnam(new Date(cursor)), holidays, workingDays)) remaining -= 1;
  }
  return new Date(cursor);
};

export interface DeadlinePolicy {
  /** Working days a reviewer, the secretary (drafting, or after a return) and the committee each have. */
  readonly reviewDays: number;
  readonly draftDays: number;
  readonly returnedDays: number;
  readonly voteDays: number;
  /** A reminder goes out when this share of the time has passed (0.5 = half-way). */
  readonly reminderAt: number;
  readonly holidays: readonly string[];
  /** Weekend days announced as working days (làm bù), for the same years as `holidays`. */
  readonly workingDays?: readonly string[];
  /** Demo and test acceleration: when set, a working day lasts this many milliseconds (no calendar). */
  readonly workingDayMs?: number;
}

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  reviewDays: 2,
  draftDays: 3,
  returnedDays: 5,
  voteDays: 3,
  reminderAt: 0.5,
  holidays: VIETNAM_PUBLIC_HOLIDAYS,
};

export const deadlineAfter = (start: Date, days: number, policy: DeadlinePolicy): Date =>
  policy.workingDayMs !== undefined
    ? new Date(start.getTime() + days * policy.workingDayMs)
    : addWorkingDays(start, days, policy.holidays, policy.workingDays ?? []);
