/** Vietnam keeps UTC+7 all year (no daylight saving), so calendar facts need no time-zone database. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const yearInVietnam = (instant: Date): number =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();

/** The calendar date in Vietnam, as YYYY-MM-DD. */
export const dateInVietnam = (instant: Date): string =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** An instant as people in Vietnam read it: "16:30 ngày 01/12/2026" (Asia/Ho_Chi_Minh), never a UTC timestamp. */
export const formatVietnamTime = (instant: Date): string => {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const [date, time] = [local.slice(0, 10), local.slice(11, 16)];
  const [year, month, day] = date.split('-');
  return `${time} ngày ${day}/${month}/${year}`;
};
