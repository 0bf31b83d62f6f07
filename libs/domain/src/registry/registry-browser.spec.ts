import { registerCompleteness } from '../documents/register-completeness';
import { lineageGraph } from './lineage-graph';
import { treeRows } from './tree-rows';
import { type UnitVersionFacts, formerValues, unitHistoryEvents } from './unit-history';

const aVersion = (validFrom: string, overrides: Partial<UnitVersionFacts> = {}): UnitVersionFacts => ({
  validFrom,
  validTo: null,
  name: 'Chi bộ Tổ dân phố số 6',
  kind: 'grassroots_cell',
  setting: 'residential_group',
  parentId: 'ward',
  fullMembers: 12,
  status: 'active',
  change: 'seed',
  decisionRef: null,
  ...overrides,
});

/** Closes each version on the next one's date, as the registry stores them. */
const history = (...versions: UnitVersionFacts[]): UnitVersionFacts[] =>
  versions.map((v, i) => ({ ...v, validTo: versions[i + 1]?.validFrom ?? null }));

const renamed = history(
  aVersion('2025-07-01'),
  aVersion('2025-07-10', { name: 'Chi bộ Tổ dân phố số 34', change: 'rename', decisionRef: 'Số 01-QĐ/ĐU' }),
  aVersion('2025-09-01', {
    name: 'Chi bộ Tổ dân phố số 34',
    kind: 'subordinate_cell',
    parentId: 'committee',
    change: 'transfer',
    decisionRef: 'Số 02-QĐ/ĐU',
  }),
);

describe('Unit history as events', () => {
  it('given a rename then a transfer, then the events are newest first, each naming only the fields that changed and its decision', () => {
    const events = unitHistoryEvents(renamed, '2025-10-01');
    expect(events.map((e) => [e.effectiveDate, e.type, e.decisionRef])).toEqual([
      ['2025-09-01', 'changed', 'Số 02-QĐ/ĐU'],
      ['2025-07-10', 'changed', 'Số 01-QĐ/ĐU'],
      ['2025-07-01', 'created', null],
    ]);
    expect(events[1]!.fields).toEqual([
      { field: 'name', from: 'Chi bộ Tổ dân phố số 6', to: 'Chi bộ Tổ dân phố số 34' },
    ]);
    expect(events[0]!.fields).toEqual([
      { field: 'kind', from: 'grassroots_cell', to: 'subordinate_cell' },
      { field: 'parent', from: 'ward', to: 'committee' },
    ]);
  });

  it('given a version starting after today, then its event is marked scheduled and the earlier ones are not', () => {
    const events = unitHistoryEvents(renamed, '2025-08-01');
    expect(events.map((e) => e.scheduled)).toEqual([true, false, false]);
  });

  it('given a rename in effect, then the former name carries its period and the decision that replaced it', () => {
    expect(formerValues(renamed, (v) => v.name, '2025-10-01')).toEqual([
      { value: 'Chi bộ Tổ dân phố số 6', from: '2025-07-01', to: '2025-07-10', endedBy: 'Số 01-QĐ/ĐU' },
    ]);
  });

  it('given a rename that is only scheduled, then there is no former name yet', () => {
    expect(formerValues(renamed, (v) => v.name, '2025-07-09')).toEqual([]);
  });

  it('given a name taken back later, then each earlier period is listed on its own', () => {
    const back = history(
      aVersion('2025-07-01', { name: 'A' }),
      aVersion('2025-08-01', { name: 'B', decisionRef: 'Số 01-QĐ/ĐU' }),
      aVersion('2025-09-01', { name: 'A', decisionRef: 'Số 02-QĐ/ĐU' }),
    );
    expect(formerValues(back, (v) => v.name, '2025-10-01').map((p) => [p.value, p.endedBy])).toEqual([
      ['B', 'Số 02-QĐ/ĐU'],
      ['A', 'Số 01-QĐ/ĐU'],
    ]);
  });
});

describe('The tree as export rows', () => {
  const leaf = (id: string, name: string) => ({
    id,
    name,
    kind: 'subordinate_cell' as const,
    setting: 'residential_group' as const,
    fullMembers: 9,
    secretary: null,
    children: [],
  });

  it('given a nested tree, then rows come depth-first, numbered by place, with level, parent and Vietnamese labels', () => {
    const rows = treeRows([
      {
        id: 'w',
        name: 'Đảng bộ phường Thử',
        kind: 'ward_committee',
        setting: 'administrative',
        fullMembers: 40,
        secretary: 'Nguyễn Văn A',
        children: [
          {
            ...leaf('c', 'Đảng bộ cơ sở Khu 1'),
            kind: 'grassroots_committee',
            children: [leaf('c1', 'Chi bộ 1'), leaf('c2', 'Chi bộ 2')],
          },
          {
            ...leaf('g', 'Chi bộ Trường Tiểu học'),
            kind: 'grassroots_cell',
            setting: 'school',
            scheduled: [
              {
                effectiveDate: '2025-09-01',
                change: 'rename',
                name: 'Chi bộ Trường Tiểu học Kim Liên',
                decision: { symbol: 'Số 02-QĐ/ĐU' },
              },
            ],
          },
        ],
      },
    ]);
    expect(rows.map((r) => [r.order, r.level, r.name, r.parentName])).toEqual([
      ['1', 1, 'Đảng bộ phường Thử', ''],
      ['1.1', 2, 'Đảng bộ cơ sở Khu 1', 'Đảng bộ phường Thử'],
      ['1.1.1', 3, 'Chi bộ 1', 'Đảng bộ cơ sở Khu 1'],
      ['1.1.2', 3, 'Chi bộ 2', 'Đảng bộ cơ sở Khu 1'],
      ['1.2', 2, 'Chi bộ Trường Tiểu học', 'Đảng bộ phường Thử'],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'Đảng bộ xã, phường', secretary: 'Nguyễn Văn A' });
    expect(rows[4]).toMatchObject({
      kind: 'Chi bộ cơ sở',
      setting: 'Trường học',
      scheduled: '01/9/2025: đổi tên → Chi bộ Trường Tiểu học Kim Liên (Số 02-QĐ/ĐU)',
    });
  });
});

describe('Lineage graph', () => {
  it('given a rename then an upgrade, then each name/kind is a node and the edges carry change, date and decision', () => {
    const graph = lineageGraph({
      focus: {
        id: 'u',
        versions: history(
          aVersion('2025-07-01', { kind: 'subordinate_cell' }),
          aVersion('2025-07-05', { fullMembers: 14 }),
          aVersion('2025-07-10', {
            name: 'Chi bộ Tổ dân phố số 34',
            change: 'rename',
            decisionRef: 'Số 01-QĐ/ĐU',
          }),
        ),
      },
      units: [],
      links: [],
    });
    expect(graph.nodes.map((n) => [n.key, n.name, n.kind])).toEqual([
      ['u@2025-07-01', 'Chi bộ Tổ dân phố số 6', 'subordinate_cell'],
      ['u@2025-07-05', 'Chi bộ Tổ dân phố số 6', 'grassroots_cell'],
      ['u@2025-07-10', 'Chi bộ Tổ dân phố số 34', 'grassroots_cell'],
    ]);
    expect(graph.edges).toEqual([
      {
        source: 'u@2025-07-01',
        target: 'u@2025-07-05',
        change: 'seed',
        effectiveDate: '2025-07-05',
        decisionRef: null,
      },
      {
        source: 'u@2025-07-05',
        target: 'u@2025-07-10',
        change: 'rename',
        effectiveDate: '2025-07-10',
        decisionRef: 'Số 01-QĐ/ĐU',
      },
    ]);
  });

  it('given two cells merged into the unit, then both are nodes with a merge edge into the state the unit had that day', () => {
    const graph = lineageGraph({
      focus: {
        id: 'm',
        versions: history(
          aVersion('2025-07-01', { name: 'Chi bộ mới' }),
          aVersion('2025-08-01', { name: 'Chi bộ Khu 1', change: 'rename', decisionRef: 'Số 03-QĐ/ĐU' }),
        ),
      },
      units: [
        { id: 'a', name: 'Chi bộ A', kind: 'grassroots_cell', status: 'dissolved' },
        { id: 'b', name: 'Chi bộ B', kind: 'grassroots_cell', status: 'dissolved' },
        { id: 'a', name: 'Chi bộ A', kind: 'grassroots_cell', status: 'dissolved' },
      ],
      links: [
        {
          predecessorId: 'a',
          successorId: 'm',
          change: 'merge',
          effectiveDate: '2025-07-01',
          decisionRef: 'Số 02-QĐ/ĐU',
        },
        {
          predecessorId: 'b',
          successorId: 'm',
          change: 'merge',
          effectiveDate: '2025-07-01',
          decisionRef: 'Số 02-QĐ/ĐU',
        },
        {
          predecessorId: 'x',
          successorId: 'm',
          change: 'merge',
          effectiveDate: '2025-07-01',
          decisionRef: null,
        },
      ],
    });
    expect(graph.nodes.map((n) => n.key)).toEqual(['m@2025-07-01', 'm@2025-08-01', 'a', 'b']);
    expect(graph.edges.filter((e) => e.change === 'merge').map((e) => [e.source, e.target])).toEqual([
      ['a', 'm@2025-07-01'],
      ['b', 'm@2025-07-01'],
    ]);
  });

  it('given a unit that never changed name or kind, then it is one node keyed by its id', () => {
    const graph = lineageGraph({
      focus: { id: 'u', versions: [aVersion('2025-07-01')] },
      units: [],
      links: [],
    });
    expect(graph).toEqual({
      nodes: [expect.objectContaining({ key: 'u', focus: true, since: '2025-07-01' })],
      edges: [],
    });
  });
});

describe('Register completeness', () => {
  const n = (docType: string, series: string, number: number, withdrawn = false) => ({
    docType,
    series,
    number,
    withdrawn,
  });

  it('given numbers 1..3 with one withdrawn, per type and series, then nothing is missing and the withdrawn one is counted', () => {
    expect(
      registerCompleteness([
        n('QĐ', '2025', 1),
        n('QĐ', '2025', 2, true),
        n('QĐ', '2025', 3),
        n('NQ', '2025', 1),
      ]),
    ).toEqual([
      { docType: 'NQ', series: '2025', count: 1, withdrawn: 0, last: 1, missing: [], duplicated: [] },
      { docType: 'QĐ', series: '2025', count: 3, withdrawn: 1, last: 3, missing: [], duplicated: [] },
    ]);
  });

  it('given a number skipped or used twice, then the check names it', () => {
    const [series] = registerCompleteness([n('QĐ', '2026', 1), n('QĐ', '2026', 3), n('QĐ', '2026', 3)]);
    expect(series).toMatchObject({ last: 3, missing: [2], duplicated: [3] });
  });

  it('given a new year (or term), then its numbering is a series of its own starting again at 1', () => {
    const result = registerCompleteness([n('QĐ', '2025', 1), n('QĐ', '2025', 2), n('QĐ', '2026', 1)]);
    expect(result.map((s) => [s.series, s.last, s.missing])).toEqual([
      ['2026', 1, []],
      ['2025', 2, []],
    ]);
  });
});
