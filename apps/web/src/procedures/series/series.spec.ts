import type { DraftRow } from '../paste-rows';
import { applySeries, inRegistryOrder, makeSeries, seriesProblem, unitsOfRows } from './series';

const units = [
  { id: 'cb-10', name: 'Chi bộ Tổ dân phố số 10' },
  { id: 'cb-2', name: 'Chi bộ Tổ dân phố số 2' },
  { id: 'cb-an', name: 'Chi bộ Ấp Đông' },
  { id: 'cb-1', name: 'Chi bộ Tổ dân phố số 1' },
];

describe('series of names', () => {
  it('given units in registry order, then they are numbered from the start in that order', () => {
    expect(
      makeSeries({ units, pattern: 'Chi bộ {n}', start: 1, order: 'registry' }).map((r) => [
        r.unitId,
        r.newName,
      ]),
    ).toEqual([
      ['cb-10', 'Chi bộ 1'],
      ['cb-2', 'Chi bộ 2'],
      ['cb-an', 'Chi bộ 3'],
      ['cb-1', 'Chi bộ 4'],
    ]);
  });

  it('given order by name, then Vietnamese collation with numbers by value (số 2 before số 10, Ấp before Tổ)', () => {
    expect(
      makeSeries({ units, pattern: 'Chi bộ Tổ dân phố số {n}', start: 101, order: 'name' }).map((r) => [
        r.unitId,
        r.newName,
      ]),
    ).toEqual([
      ['cb-an', 'Chi bộ Tổ dân phố số 101'],
      ['cb-1', 'Chi bộ Tổ dân phố số 102'],
      ['cb-2', 'Chi bộ Tổ dân phố số 103'],
      ['cb-10', 'Chi bộ Tổ dân phố số 104'],
    ]);
  });

  it('given 61 units, then the names run 1…61', () => {
    const many = Array.from({ length: 61 }, (_, i) => ({ id: `u${i}`, name: `Chi bộ khu ${61 - i}` }));
    const series = makeSeries({ units: many, pattern: 'Chi bộ {n}', start: 1, order: 'name' });
    expect(series.map((r) => r.newName)).toEqual(Array.from({ length: 61 }, (_, i) => `Chi bộ ${i + 1}`));
    expect(series[0]).toMatchObject({ unitId: 'u60', unitName: 'Chi bộ khu 1' });
  });

  it('given a unit that already has its series name, then it is marked unchanged', () => {
    const series = makeSeries({ units, pattern: 'Chi bộ Tổ dân phố số {n}', start: 1, order: 'name' });
    expect(series.filter((r) => r.unchanged).map((r) => r.unitId)).toEqual([]);
    const again = makeSeries({
      units: [units[3]!, units[1]!],
      pattern: 'Chi bộ Tổ dân phố số {n}',
      start: 1,
      order: 'registry',
    });
    expect(again.map((r) => r.unchanged)).toEqual([true, true]);
  });

  it('given a pattern in decomposed Unicode with extra spaces, then the names are NFC with single spaces', () => {
    const [row] = makeSeries({
      units: [units[0]!],
      pattern: '  Chi bộ   {n} '.normalize('NFD'),
      start: 7,
      order: 'registry',
    });
    expect(row?.newName).toBe('Chi bộ 7');
  });

  it('given 61 units and width 2, then the names run Chi bộ 01…61 (zeros in front of 1…9 only)', () => {
    const many = Array.from({ length: 61 }, (_, i) => ({ id: `u${i}`, name: `Chi bộ khu ${i + 1}` }));
    const names = makeSeries({
      units: many,
      pattern: 'Chi bộ {n}',
      start: 1,
      order: 'registry',
      width: 2,
    }).map((r) => r.newName);
    expect(names.slice(0, 3)).toEqual(['Chi bộ 01', 'Chi bộ 02', 'Chi bộ 03']);
    expect(names.slice(8, 10)).toEqual(['Chi bộ 09', 'Chi bộ 10']);
    expect(names[60]).toBe('Chi bộ 61');
    expect(new Set(names).size).toBe(61);
  });

  it('given width 3 and numbers past 999, then short numbers get zeros and long ones keep every digit', () => {
    const three = units.slice(0, 3);
    expect(
      makeSeries({ units: three, pattern: 'Tổ {n}', start: 998, order: 'registry', width: 3 }).map(
        (r) => r.newName,
      ),
    ).toEqual(['Tổ 998', 'Tổ 999', 'Tổ 1000']);
    expect(
      makeSeries({ units: three, pattern: 'Tổ {n}', start: 0, order: 'registry', width: 3 }).map(
        (r) => r.newName,
      ),
    ).toEqual(['Tổ 000', 'Tổ 001', 'Tổ 002']);
  });

  it('given width 1 or none, then the numbers are as they are', () => {
    const one = makeSeries({ units, pattern: 'Chi bộ {n}', start: 9, order: 'registry', width: 1 });
    const none = makeSeries({ units, pattern: 'Chi bộ {n}', start: 9, order: 'registry' });
    expect(one.map((r) => r.newName)).toEqual(['Chi bộ 9', 'Chi bộ 10', 'Chi bộ 11', 'Chi bộ 12']);
    expect(none).toEqual(one);
  });

  it('given a unit named with the padded number already, then it is unchanged (and not with the bare one)', () => {
    const [padded] = makeSeries({
      units: [{ id: 'a', name: 'Chi bộ 01' }],
      pattern: 'Chi bộ {n}',
      start: 1,
      order: 'registry',
      width: 2,
    });
    expect(padded?.unchanged).toBe(true);
    const [bare] = makeSeries({
      units: [{ id: 'a', name: 'Chi bộ 1' }],
      pattern: 'Chi bộ {n}',
      start: 1,
      order: 'registry',
      width: 2,
    });
    expect(bare).toMatchObject({ newName: 'Chi bộ 01', unchanged: false });
  });

  it.each([
    [{ units: [], pattern: 'Chi bộ {n}', start: 1 }, 'noUnits'],
    [{ units, pattern: 'Chi bộ', start: 1 }, 'noPlaceholder'],
    [{ units, pattern: 'Chi bộ {n}-{n}', start: 1 }, 'manyPlaceholders'],
    [{ units, pattern: 'Chi bộ {n}', start: -1 }, 'badStart'],
    [{ units, pattern: 'Chi bộ {n}', start: 1.5 }, 'badStart'],
    [{ units, pattern: 'Chi bộ {n}', start: 1, width: 0 }, 'badWidth'],
    [{ units, pattern: 'Chi bộ {n}', start: 1, width: 7 }, 'badWidth'],
    [{ units, pattern: 'Chi bộ {n}', start: 1, width: 2.5 }, 'badWidth'],
    [{ units, pattern: 'Chi bộ {n}', start: 1, width: Number.NaN }, 'badWidth'],
  ] as const)('given %o, then the problem is %s and no rows are made', (input, problem) => {
    const full = { ...input, units: [...input.units], order: 'registry' as const };
    expect(seriesProblem(full)).toBe(problem);
    expect(makeSeries(full)).toEqual([]);
  });

  describe('applying a series to the rows', () => {
    const rows: DraftRow[] = [
      { kind: 'rename', unitId: 'cb-2', unitName: 'Chi bộ Tổ dân phố số 2', newName: 'Cũ' },
      { kind: 'dissolve', unitId: 'cb-x', unitName: 'Chi bộ X' },
      { kind: 'rename', unitId: 'cb-1', unitName: 'Chi bộ Tổ dân phố số 1', newName: 'Cũ nữa' },
    ];
    const series = makeSeries({
      units: [units[3]!, units[1]!, units[0]!],
      pattern: 'Chi bộ Tổ dân phố số {n}',
      start: 2,
      order: 'registry',
    });
    // cb-1 → số 2, cb-2 → số 3, cb-10 → số 4

    it('given replace, then only the series rename rows remain', () => {
      expect(applySeries(rows, series, 'replace').map((r) => [r.kind, r.unitId, r.newName])).toEqual([
        ['rename', 'cb-1', 'Chi bộ Tổ dân phố số 2'],
        ['rename', 'cb-2', 'Chi bộ Tổ dân phố số 3'],
        ['rename', 'cb-10', 'Chi bộ Tổ dân phố số 4'],
      ]);
    });

    it('given append, then existing rename rows are renamed in place and the other units are added', () => {
      expect(applySeries(rows, series, 'append').map((r) => [r.kind, r.unitId, r.newName])).toEqual([
        ['rename', 'cb-2', 'Chi bộ Tổ dân phố số 3'],
        ['dissolve', 'cb-x', undefined],
        ['rename', 'cb-1', 'Chi bộ Tổ dân phố số 2'],
        ['rename', 'cb-10', 'Chi bộ Tổ dân phố số 4'],
      ]);
    });

    it('given append and a unit whose series name is its current name, then its rename row is dropped', () => {
      const same = makeSeries({
        units: [units[3]!],
        pattern: 'Chi bộ Tổ dân phố số {n}',
        start: 1,
        order: 'registry',
      });
      expect(applySeries(rows, same, 'append').map((r) => r.unitId)).toEqual(['cb-2', 'cb-x']);
    });
  });

  it('given the current rows, then each unit once in row order', () => {
    expect(
      unitsOfRows([
        { kind: 'rename', unitId: 'a', unitName: 'A', newName: '' },
        { kind: 'dissolve', unitId: 'b' },
        { kind: 'transfer', unitId: 'a', unitName: 'A', parentId: 'p' },
      ]),
    ).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'b' },
    ]);
  });

  it('given units checked in any order, then they come in registry order', () => {
    expect(inRegistryOrder(units, ['cb-1', 'cb-10']).map((u) => u.id)).toEqual(['cb-10', 'cb-1']);
  });
});
