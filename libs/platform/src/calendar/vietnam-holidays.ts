/**
 * Vietnam's holidays for the years around a date: the lunar dates come from Hồ Ngọc Đức's Vietnamese lunar
 * calendar (`amlich`, computed for UTC+7 — the Chinese calendar, computed for UTC+8, puts Tết a day apart in
 * some years), the rules from the domain, and the government's announcements (days off, bridge days, Saturdays
 * worked) from data: built in for the years known here, more from VN_ANNOUNCED_DAYS_FILE.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- amlich ships no types; nest build compiles from the entry files, so its declaration is referenced here
/// <reference path="./amlich.d.ts" />
import fs from 'node:fs';
import { convertLunar2Solar } from 'amlich';
import { z } from 'zod';
import {
  ANNOUNCED_DAYS,
  type AnnouncedYear,
  type LunarYearDates,
  type YearHolidays,
  holidaysOfYear,
  yearInVietnam,
} from '@kientoan/domain';

const VIETNAM_TIME_ZONE = 7;

const solarOfLunar = (day: number, month: number, year: number): string => {
  const [d, m, y] = convertLunar2Solar(day, month, year, 0, VIETNAM_TIME_ZONE);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export const lunarYearDates = (year: number): LunarYearDates => ({
  year,
  tet: solarOfLunar(1, 1, year),
  hungKings: solarOfLunar(10, 3, year),
});

const isoDay = z.iso.date();
/** VN_ANNOUNCED_DAYS_FILE: `{ "2027": { "daysOff": ["2027-02-05", …], "workingDays": ["2027-…"] }, … }`. */
export const announcedDaysFileSchema = z.record(
  z.string().regex(/^\d{4}$/),
  z.object({ daysOff: z.array(isoDay), workingDays: z.array(isoDay).default([]) }).strict(),
);

/** The built-in announcements, with (and overridden by) those of the file, when one is configured. */
export const loadAnnouncedDays = (file?: string): Readonly<Record<number, AnnouncedYear>> => {
  if (!file) return ANNOUNCED_DAYS;
  const parsed = announcedDaysFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `VN_ANNOUNCED_DAYS_FILE ${file}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  return {
    ...ANNOUNCED_DAYS,
    ...Object.fromEntries(Object.entries(parsed.data).map(([year, days]) => [Number(year), days])),
  };
};

/** The holidays of `now`'s year, the year before and the two after (long enough for any running procedure). */
export const holidaysAround = (
  now: Date,
  announced: Readonly<Record<number, AnnouncedYear>>,
): YearHolidays[] => {
  const year = yearInVietnam(now);
  return [year - 1, year, year + 1, year + 2].map((y) => holidaysOfYear(lunarYearDates(y), announced[y]));
};
