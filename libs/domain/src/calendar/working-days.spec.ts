import { addWorkingDays, deadlineAfter, DEFAULT_DEADLINES, isWorkingDay } from './working-days';

describe('working days', () => {
  it('skips weekends: 2 working days after Friday 10:00 in Hà Nội is Tuesday 10:00', () => {
    // Friday 2025-07-04 10:00 (UTC+7) = 03:00Z
    expect(addWorkingDays(new Date('2025-07-04T03:00:00Z'), 2).toISOString()).toBe(
      '2025-07-08T03:00:00.000Z',
    );
  });

  it('skips public holidays: National Day 2025 (30/8–2/9)', () => {
    expect(isWorkingDay('2025-09-01', DEFAULT_DEADLINES.holidays)).toBe(false);
    // Friday 29/8 + 1 working day = Wednesday 3/9
    expect(addWorkingDays(new Date('2025-08-29T03:00:00Z'), 1).toISOString().slice(0, 10)).toBe('2025-09-03');
  });

  it('uses the calendar date in Vietnam, not UTC: Friday 23:30 in Hà Nội is already Saturday there', () => {
    // 2025-07-04T16:30Z = Friday 23:30 in Hà Nội; +1 working day lands on Monday 23:30
    expect(addWorkingDays(new Date('2025-07-04T16:30:00Z'), 1).toISOString()).toBe(
      '2025-07-07T16:30:00.000Z',
    );
  });

  it('with an accelerated working day, counts milliseconds instead of the calendar', () => {
    expect(deadlineAfter(new Date(0), 3, { ...DEFAULT_DEADLINES, workingDayMs: 1000 }).getTime()).toBe(3000);
  });
});
