import { committeeTermOn, nextRegisterNumber, registerKey } from './committee-term';

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
});
