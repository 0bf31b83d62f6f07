import { ceremonyNote, isBeforeToday, todayInVietnam } from './date-rules';

describe('date rules shown on the start page', () => {
  // 2026-11-25 23:30 UTC is already 26 November in Hà Nội.
  const lateEvening = new Date('2026-11-25T23:30:00Z');

  it('given a late UTC evening, then today is the date in Hà Nội', () => {
    expect(todayInVietnam(lateEvening)).toBe('2026-11-26');
    expect(isBeforeToday('2026-11-25', lateEvening)).toBe(true);
    expect(isBeforeToday('2026-11-26', lateEvening)).toBe(false);
  });

  it('given a Saturday or a public holiday, then the ceremony gets a day-off caution', () => {
    expect(ceremonyNote('2026-11-28', null)).toBe('dayOff');
    expect(ceremonyNote('2026-09-02', null)).toBe('dayOff');
  });

  it('given a working day before the requested effective date, then it says so; on or after, nothing', () => {
    expect(ceremonyNote('2026-11-27', '2026-12-01')).toBe('beforeEffective');
    expect(ceremonyNote('2026-12-01', '2026-12-01')).toBeNull();
    expect(ceremonyNote('2026-11-27', null)).toBeNull();
  });
});
