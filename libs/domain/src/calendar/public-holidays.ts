/**
 * Vietnam's public holidays for any year (Labor Code 2019, art. 112), computed from the two lunar dates the
 * caller passes in (the lunar calendar is computed outside the domain): New Year (1/1), Tết (the last day of
 * the old lunar year and the first four of the new one), Hùng Kings' day (10/3 lunar), 30/4, 1/5, National
 * Day (2/9 and the day before), each holiday on a weekend followed by a day off in lieu (nghỉ bù). The
 * government announces each year's actual days (Tết may move by a day, bridge days are swapped for a
 * Saturday worked: hoán đổi / làm bù); an announced year replaces the computed one. Pure.
 */

/** The solar dates (YYYY-MM-DD) of a lunar year's first day (Tết) and of 10/3 (Hùng Kings' day). */
export interface LunarYearDates {
  readonly year: number;
  readonly tet: string;
  readonly hungKings: string;
}

/** A year's days as announced by the government: every day off, and the weekend days worked in exchange. */
export interface AnnouncedYear {
  readonly daysOff: readonly string[];
  readonly workingDays: readonly string[];
}

export interface YearHolidays {
  readonly year: number;
  readonly daysOff: readonly string[];
  readonly workingDays: readonly string[];
  /** false: computed from the law alone; the government has not announced this year's days (yet). */
  readonly announced: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const fromDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const shift = (iso: string, days: number): string => fromDay(toDay(iso) + days * DAY_MS);
const isWeekend = (iso: string): boolean => [0, 6].includes(new Date(toDay(iso)).getUTCDay());

/** The statutory days off of a year, with a day off in lieu after each holiday that falls on a weekend. */
export const statutoryHolidays = (lunar: LunarYearDates): string[] => {
  const year = lunar.year;
  const pad = (n: number) => String(n).padStart(2, '0');
  const solar = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const holidays = [
    solar(1, 1),
    ...[-1, 0, 1, 2, 3].map((offset) => shift(lunar.tet, offset)),
    lunar.hungKings,
    solar(4, 30),
    solar(5, 1),
    solar(9, 1),
    solar(9, 2),
  ].sort();
  const off = new Set(holidays);
  for (const day of holidays) {
    if (!isWeekend(day)) continue;
    let inLieu = shift(day, 1);
    while (isWeekend(inLieu) || off.has(inLieu)) inLieu = shift(inLieu, 1);
    off.add(inLieu);
  }
  return [...off].sort();
};

/** A year's holidays: as announced when the year is announced, computed from the law otherwise. */
export const holidaysOfYear = (lunar: LunarYearDates, announced?: AnnouncedYear): YearHolidays =>
  announced
    ? {
        year: lunar.year,
        daysOff: [...announced.daysOff].sort(),
        workingDays: [...announced.workingDays].sort(),
        announced: true,
      }
    : { year: lunar.year, daysOff: statutoryHolidays(lunar), workingDays: [], announced: false };

const consecutive = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

/** Years as announced (official dispatches for civil servants); later years come from configuration. */
export const ANNOUNCED_DAYS: Readonly<Record<number, AnnouncedYear>> = {
  2025: {
    daysOff: [
      '2025-01-01',
      ...consecutive('2025-01-25', '2025-02-02'),
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      ...consecutive('2025-08-30', '2025-09-02'),
    ],
    workingDays: [],
  },
  2026: {
    daysOff: [
      '2026-01-01',
      ...consecutive('2026-02-14', '2026-02-22'),
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ],
    workingDays: [],
  },
};
