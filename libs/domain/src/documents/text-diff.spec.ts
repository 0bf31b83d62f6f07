import { diffLines } from './text-diff';

describe('diffLines', () => {
  it('given an edited article, then only that line is removed and added', () => {
    expect(diffLines('a\nĐiều 1. cũ\nc', 'a\nĐiều 1. mới\nc')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'Điều 1. cũ' },
      { op: 'added', text: 'Điều 1. mới' },
      { op: 'same', text: 'c' },
    ]);
  });

  it('given identical texts, then every line is the same', () => {
    expect(diffLines('x\ny', 'x\ny').every((l) => l.op === 'same')).toBe(true);
  });
});
