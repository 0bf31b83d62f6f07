/**
 * Deadlines in working days: weekends and Vietnamese public holidays do not count. Pure: the start instant
 * and the holiday list are passed in. Dates are calendar dates in Vietnam (UTC+7).
 */
import { dateInVietnam } from './vietnam-time';

/** Public holidays (nghỉ lễ, Tết) 2025–2026 as announced; configurable (VN_HOLIDAYS) for later years. */
export const VIETNAM_PUBLIC_HOLIDAYS: readonly string[] = [
  '2025-01-01',
  ...[
    '2025-01-25',
    '2025-01-26',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
  ],
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-08-30',
  '2025-08-31',
  '2025-09-01',
  '2025-09-02',
  '2026-01-01',
  ...[
    '2026-02-14',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
  ],
  '2026-04-26',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];

const DAY_MS = 24 * 60 * 60 * 1000;

export const isWorkingDay = (isoDate: string, holidays: readonly string[]): boolean => {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDate);
};

/** The same time of day `days` working days after `start` (counting only working days). */
export const addWorkingDays = (
  start: Date,
  days: number,
  holidays: readonly string[] = VIETNAM_PUBLIC_HOLIDAYS,
): Date => {
  let cursor = start.getTime();
  let remaining = days;
  while (remaining > 0) {
    cursor += DAY_MS;
    if (isWorkingDay(dateInVietnam(new Date(cursor)), holidays)) remaining -= 1;
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
    : addWorkingDays(start, days, policy.holidays);
