import { dateInVietnam, formatVietnamTime } from './vietnam-time';

describe('Vietnam time', () => {
  it('given an instant late in the UTC day, then the date and time are those of Hanoi (UTC+7)', () => {
    const instant = new Date('2026-11-30T18:30:00Z');
    expect(dateInVietnam(instant)).toBe('2026-12-01');
    expect(formatVietnamTime(instant)).toBe('01:30 ngày 01/12/2026');
  });
});
