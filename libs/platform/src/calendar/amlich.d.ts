/** Hồ Ngọc Đức's Vietnamese lunar calendar (the `amlich` package ships no types). */
declare module 'amlich' {
  /** [day, month, year] of the solar date; timeZone 7 for Vietnam. */
  export function convertLunar2Solar(
    lunarDay: number,
    lunarMonth: number,
    lunarYear: number,
    lunarLeap: 0 | 1,
    timeZone: number,
  ): [number, number, number];
}
