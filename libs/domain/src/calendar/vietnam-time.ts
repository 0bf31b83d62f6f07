/** Vietnam keeps UTC+7 all year (no daylight saving), so calendar facts need no time-zone database. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const yearInVietnam = (instant: Date): number =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();

/** The calendar date in Vietnam, as YYYY-MM-DD. */
export const dateInVietnam = (instant: Date): string =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
