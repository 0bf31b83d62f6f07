import { holidaysOfYear, statutoryHolidays } from './public-holidays';
import { addWorkingDays } from './working-days';

const y2027 = { year: 2027, tet: '2027-02-06', hungKings: '2027-04-16' };
const y2026 = { year: 2026, tet: '2026-02-17', hungKings: '2026-04-26' };

describe('public holidays of any year', () => {
  it('given Tết 2027 on a Saturday, then the eve, the four days and two days in lieu are off (5–11 February)', () => {
    const days = statutoryHolidays(y2027);
    expect(days.filter((d) => d.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });

  it("given Hùng Kings' day on a Sunday (2026), then the Monday after is off in lieu", () => {
    expect(statutoryHolidays(y2026)).toEqual(expect.arrayContaining(['2026-04-26', '2026-04-27']));
  });

  it('given 1 May 2027 on a Saturday, then Monday 3 May is off; National Day is 1–2 September', () => {
    expect(statutoryHolidays(y2027)).toEqual(
      expect.arrayContaining([
        '2027-01-01',
        '2027-04-30',
        '2027-05-01',
        '2027-05-03',
        '2027-09-01',
        '2027-09-02',
      ]),
    );
  });

  it('given a deadline across Tết 2027, then the holidays do not count as working days', () => {
    const thursdayBeforeTet = new Date('2027-02-04T02:00:00Z');
    const deadline = addWorkingDays(thursdayBeforeTet, 2, holidaysOfYear(y2027).daysOff);
    expect(deadline.toISOString()).toBe('2027-02-15T02:00:00.000Z');
  });

  it('given an announced year with a Saturday worked in exchange for a bridge day, then that Saturday counts', () => {
    const announced = holidaysOfYear(y2026, {
      daysOff: ['2026-01-01', '2026-01-02'],
      workingDays: ['2026-01-10'],
    });
    expect(announced.announced).toBe(true);
    const thursday = new Date('2026-01-08T02:00:00Z');
    expect(addWorkingDays(thursday, 2, announced.daysOff, announced.workingDays).toISOString()).toBe(
      '2026-01-10T02:00:00.000Z',
    );
  });

  it('given a year nobody announced, then it is marked as computed', () => {
    expect(holidaysOfYear(y2027).announced).toBe(false);
  });
});
