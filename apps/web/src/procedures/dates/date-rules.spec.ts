import { ceremonyNote, dateProblem, isBeforeToday, parseTypedDate, todayInVietnam } from './date-rules';

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

  describe('the window the API publishes', () => {
    const now = new Date('2026-11-25T03:00:00Z');
    const window = { earliest: '2026-11-25', latest: '2027-11-25', maxDaysAhead: 365 };

    it('given a date within the window, both ends included, then there is no problem', () => {
      expect(dateProblem('2026-11-25', window, now)).toBeNull();
      expect(dateProblem('2027-11-25', window, now)).toBeNull();
    });

    it('given a date before today or after the last day, then it says which', () => {
      expect(dateProblem('2026-11-24', window, now)).toBe('beforeToday');
      expect(dateProblem('2027-11-26', window, now)).toBe('tooFarAhead');
    });

    it('given no rules (not loaded), then only days before today are refused', () => {
      expect(dateProblem('2026-11-24', null, now)).toBe('beforeToday');
      expect(dateProblem('2099-01-01', null, now)).toBeNull();
    });

    it('given a page left open past midnight, then yesterday’s “today” from the API no longer counts', () => {
      const nextMorning = new Date('2026-11-26T03:00:00Z');
      expect(dateProblem('2026-11-25', window, nextMorning)).toBe('beforeToday');
    });
  });

  it.each([
    ['05/12/2026', '2026-12-05'],
    ['5/1/2027', '2027-01-05'],
    ['29.02.2028', '2028-02-29'],
    [' 31-12-2026 ', '2026-12-31'],
    ['31/02/2027', null],
    ['2026-12-05', null],
    ['', null],
  ])('given %p typed, then it reads %p', (text, iso) => {
    expect(parseTypedDate(text)).toBe(iso);
  });
});
