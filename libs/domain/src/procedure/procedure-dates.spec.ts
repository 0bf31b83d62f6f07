import {
  ceremonyOf,
  checkStartDates,
  effectiveDateOnSigning,
  firstWorkingDayOnOrAfter,
  postponedEffectiveDateNote,
  startDateWindow,
} from './procedure-dates';

describe('dates chosen at start', () => {
  const today = '2026-11-25';

  it('given today and a window of days, then the window runs from today to that many days later, both included', () => {
    const window = startDateWindow(today, 365);
    expect(window).toEqual({ earliest: today, latest: '2027-11-25', maxDaysAhead: 365 });
    expect(checkStartDates({ today, effectiveDate: window.latest, maxDaysAhead: 365 })).toBeNull();
    expect(
      checkStartDates({ today, effectiveDate: '2027-11-26', maxDaysAhead: 365 })?.details.fieldErrors,
    ).toMatchObject([{ field: 'effectiveDate', code: 'DATE_TOO_FAR_AHEAD' }]);
    expect(startDateWindow('2028-02-28', 1).latest).toBe('2028-02-29');
  });

  it('accepts an effective date from today to the end of the window, and no dates at all', () => {
    expect(checkStartDates({ today, effectiveDate: today, maxDaysAhead: 365 })).toBeNull();
    expect(checkStartDates({ today, effectiveDate: '2027-11-25', maxDaysAhead: 365 })).toBeNull();
    expect(checkStartDates({ today, maxDaysAhead: 365 })).toBeNull();
  });

  it('refuses an effective date before today, naming the field in Vietnamese', () => {
    const error = checkStartDates({ today, effectiveDate: '2025-07-15', maxDaysAhead: 365 });
    expect(error?.details['fieldErrors']).toEqual([
      expect.objectContaining({ field: 'effectiveDate', code: 'DATE_IN_THE_PAST' }),
    ]);
    expect(error?.messageVi).toContain('không được trước ngày ký');
  });

  it('refuses an effective date beyond the configured window', () => {
    const error = checkStartDates({ today, effectiveDate: '2026-12-06', maxDaysAhead: 10 });
    expect(error?.details['fieldErrors']).toEqual([
      expect.objectContaining({ field: 'effectiveDate', code: 'DATE_TOO_FAR_AHEAD' }),
    ]);
  });

  it('refuses a ceremony in the past', () => {
    const error = checkStartDates({ today, ceremonyDate: '2026-11-24', maxDaysAhead: 365 });
    expect(error?.details['fieldErrors']).toEqual([
      expect.objectContaining({ field: 'ceremony.date', code: 'DATE_IN_THE_PAST' }),
    ]);
  });
});

describe('the effective date on signing', () => {
  it('keeps a requested date on or after the signing date', () => {
    expect(effectiveDateOnSigning('2026-12-01', '2026-11-25')).toEqual({
      effectiveDate: '2026-12-01',
      postponedFrom: null,
    });
  });

  it('takes effect when signed if the requested date passed while the procedure ran', () => {
    expect(effectiveDateOnSigning('2026-11-26', '2026-11-30')).toEqual({
      effectiveDate: '2026-11-30',
      postponedFrom: '2026-11-26',
    });
    expect(postponedEffectiveDateNote('2026-11-26', '2026-11-30')).toContain('26/11/2026');
  });

  it('takes effect when signed when no date was requested', () => {
    expect(effectiveDateOnSigning(null, '2026-11-30')).toEqual({
      effectiveDate: '2026-11-30',
      postponedFrom: null,
    });
  });
});

describe('the announcement ceremony', () => {
  it('defaults to the first working day on or after issue, at the ward seat', () => {
    // 2026-11-28 is a Saturday.
    expect(firstWorkingDayOnOrAfter('2026-11-28')).toBe('2026-11-30');
    expect(
      ceremonyOf({ chosen: null, chosenPlace: null, issuedOn: '2026-11-28', wardSeat: 'Hội trường' }),
    ).toEqual({ date: '2026-11-30', time: '08:00', place: 'Hội trường', movedFrom: null });
  });

  it('keeps the secretary’s date and place when they come on or after issue', () => {
    expect(
      ceremonyOf({
        chosen: { date: '2026-12-03', time: '14:30' },
        chosenPlace: 'Nhà văn hóa tổ dân phố 34',
        issuedOn: '2026-11-28',
        wardSeat: 'Hội trường',
      }),
    ).toEqual({ date: '2026-12-03', time: '14:30', place: 'Nhà văn hóa tổ dân phố 34', movedFrom: null });
  });

  it('moves a chosen date that came before issue to the first working day after it', () => {
    expect(
      ceremonyOf({
        chosen: { date: '2026-11-26', time: '09:00' },
        chosenPlace: null,
        issuedOn: '2026-11-28',
        wardSeat: 'Hội trường',
      }),
    ).toEqual({ date: '2026-11-30', time: '09:00', place: 'Hội trường', movedFrom: '2026-11-26' });
  });
});
