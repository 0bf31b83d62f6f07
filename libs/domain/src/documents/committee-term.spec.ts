import {
  APPOINTED_COMMITTEE_TERM,
  committeeTermOn,
  congressTermYears,
  namedTermYears,
  nextRegisterNumber,
  registerKey,
  termYearsOn,
  termYearsText,
} from './committee-term';

const congresses = [
  { name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Nhất', closedOn: '2025-08-02' },
  { name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Hai', closedOn: '2030-07-20' },
];

describe('Committee terms and their registers', () => {
  it('given the day the next congress closes, then it still belongs to the old term; the day after opens the new one', () => {
    expect(committeeTermOn(congresses, '2030-07-20')).toEqual({
      openedBy: 'Đại hội Đảng bộ phường Kim Liên lần thứ Nhất',
      from: '2025-08-03',
      to: '2030-07-20',
    });
    expect(committeeTermOn(congresses, '2030-07-21')).toEqual({
      openedBy: 'Đại hội Đảng bộ phường Kim Liên lần thứ Hai',
      from: '2030-07-21',
    });
  });

  it('given a day before the first congress closed, then the term is that of the appointed committee', () => {
    expect(committeeTermOn(congresses, '2025-07-07')).toEqual({ to: '2025-08-02' });
  });

  it('given the last number of one term, then the first decision of the next term is 01 (a new register), not the next number', () => {
    const registers = new Map<string, number[]>();
    const take = (day: string) => {
      const key = registerKey('phuong-kim-lien', 'QĐ', committeeTermOn(congresses, day));
      const taken = registers.get(key) ?? [];
      const number = nextRegisterNumber(taken);
      registers.set(key, [...taken, number]);
      return number;
    };
    expect([take('2030-07-19'), take('2030-07-20')]).toEqual([1, 2]);
    expect(take('2030-07-21')).toBe(1);
    expect(take('2030-07-22')).toBe(2);
  });

  it('given a withdrawn number, then it is not reused: the next number is past the highest taken', () => {
    expect(nextRegisterNumber([1, 2, 3])).toBe(4);
    expect(nextRegisterNumber([])).toBe(1);
  });

  describe('the years a term is named by ("nhiệm kỳ 2025 - 2030")', () => {
    const named = [
      { name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Nhất, nhiệm kỳ 2025 - 2030', closedOn: '2025-08-02' },
      {
        name: 'Đại hội đại biểu Đảng bộ phường Kim Liên lần thứ Hai, Nhiệm kỳ 2031–2036',
        closedOn: '2030-07-20',
      },
    ];

    it('given a congress whose name gives its term, then that term is read, whatever the dash and case', () => {
      expect(namedTermYears(named[0]!.name)).toEqual({ from: 2025, to: 2030 });
      expect(namedTermYears(named[1]!.name)).toEqual({ from: 2031, to: 2036 });
      expect(namedTermYears('Đại hội lần thứ Hai, nhiệm kỳ 2030-2035')).toEqual({ from: 2030, to: 2035 });
      expect(namedTermYears('Đại hội lần thứ Nhất')).toBeUndefined();
    });

    it('given a congress whose name does not say, then its term runs five years from the year it closed', () => {
      expect(congressTermYears(congresses[0]!)).toEqual({ from: 2025, to: 2030 });
      expect(congressTermYears(congresses[1]!)).toEqual({ from: 2030, to: 2035 });
    });

    it('given the day the next congress closes and the day after, then the term in force changes with the register (the same congress opens both)', () => {
      expect(termYearsText(termYearsOn(named, '2030-07-20'))).toBe('2025 - 2030');
      expect(committeeTermOn(named, '2030-07-20').from).toBe('2025-08-03');
      expect(termYearsText(termYearsOn(named, '2030-07-21'))).toBe('2031 - 2036');
      expect(committeeTermOn(named, '2030-07-21').from).toBe('2030-07-21');
    });

    it("given a day before the ward's first congress closed (or no congress at all), then the appointed committee's term is named", () => {
      expect(termYearsOn(named, '2025-08-02')).toEqual(APPOINTED_COMMITTEE_TERM);
      expect(termYearsOn([], '2026-01-01')).toEqual(APPOINTED_COMMITTEE_TERM);
      expect(termYearsText(APPOINTED_COMMITTEE_TERM)).toBe('2025 - 2030');
    });
  });
});
