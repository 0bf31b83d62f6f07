import type { ChangeKind } from '../procedure/change-kind';
import { type DocumentEntry, DEFAULT_DOCUMENT_SET_RULE, planDocumentSet } from './document-set';

let item = 0;
const entries = (change: ChangeKind, count: number, prefix: string): DocumentEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    itemIndex: item++,
    change,
    unitId: `${prefix}${i + 1}`,
    unitName: `${prefix} ${i + 1}`,
    article: `${change} ${prefix} ${i + 1}`,
  }));

describe('The document set of a resolution', () => {
  it('given Kim Liên (26 establishments + 70 renames), then one NQ, 26 founding QĐ in item order and one collective QĐ of 70 units', () => {
    const set = planDocumentSet([...entries('establish', 26, 'new'), ...entries('rename', 70, 'tdp')]);
    expect(set.map((d) => d.purpose)).toEqual([
      'resolution',
      ...Array<string>(26).fill('founding'),
      'collective',
    ]);
    expect(set[0]!.entries).toHaveLength(96);
    expect(set.slice(1, 27).map((d) => d.unitId)).toEqual(
      Array.from({ length: 26 }, (_, i) => `new${i + 1}`),
    );
    expect(set.at(-1)!.entries).toHaveLength(70);
  });

  it('given Văn Miếu (61 renumberings), then one NQ and one collective QĐ of 61 units', () => {
    const set = planDocumentSet(entries('renumber', 61, 'cb'));
    expect(set.map((d) => [d.purpose, d.entries.length])).toEqual([
      ['resolution', 61],
      ['collective', 61],
    ]);
  });

  it("given Đan Phượng's appointments, then one QĐ per cell, each delivered to its cell", () => {
    const set = planDocumentSet(entries('appoint', 4, 'cell'));
    expect(set.filter((d) => d.purpose === 'appointment').map((d) => d.unitId)).toEqual([
      'cell1',
      'cell2',
      'cell3',
      'cell4',
    ]);
  });

  it("given an establishment and the appointment of the new unit's secretary, then both are in its founding decision", () => {
    const [established] = entries('establish', 1, 'x');
    const appointment = { ...entries('appoint', 1, 'y')[0]!, unitId: established!.unitId };
    const set = planDocumentSet([appointment, established!]);
    expect(set.map((d) => d.purpose)).toEqual(['resolution', 'founding']);
    expect(set[1]!.entries.map((e) => e.change)).toEqual(['establish', 'appoint']);
  });

  it('given a rule that collects establishments too, then the set is one NQ and one QĐ', () => {
    const set = planDocumentSet(entries('establish', 3, 'n'), {
      ...DEFAULT_DOCUMENT_SET_RULE,
      establish: 'collective',
    });
    expect(set.map((d) => d.purpose)).toEqual(['resolution', 'collective']);
  });
});
