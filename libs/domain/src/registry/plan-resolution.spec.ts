import { applyChangeSet } from './change-set';
import { planResolution, type PlanResult } from './plan-resolution';
import { snapshotOf } from './registry-unit';
import { aUnit as unit } from './registry-unit.fixture';
import type { ResolutionItem } from './resolution-item';
import { previewResolution } from './resolution-preview';

/** A small ward: its committee, a grassroots committee with two subordinate cells, three grassroots cells. */
const aWard = () =>
  snapshotOf([
    unit('ward', {
      kind: 'ward_committee',
      setting: 'administrative',
      name: 'Đảng bộ phường Thử',
      parentId: null,
      fullMembers: 300,
    }),
    unit('gc', {
      kind: 'grassroots_committee',
      setting: 'school',
      name: 'Đảng bộ Trường A',
      fullMembers: 40,
    }),
    unit('sub1', { kind: 'subordinate_cell', parentId: 'gc', name: 'Chi bộ Giáo viên 1', fullMembers: 8 }),
    unit('sub2', { kind: 'subordinate_cell', parentId: 'gc', name: 'Chi bộ Giáo viên 2', fullMembers: 2 }),
    unit('c1', { name: 'Chi bộ Tổ dân phố số 6' }),
    unit('c2', { name: 'Chi bộ 2' }),
    unit('c3', { name: 'Chi bộ 3', fullMembers: 5 }),
    unit('gone', { name: 'Chi bộ đã giải thể', status: 'dissolved' }),
  ]);

const plan = (items: ResolutionItem[], snapshot = aWard()): PlanResult => {
  let n = 0;
  return planResolution(snapshot, items, { wardCode: 'phuong-thu', newUnitId: () => `new-id-${++n}` });
};

const violationsOf = (result: PlanResult) =>
  result.ok ? [] : result.violations.map((v) => [v.code, v.field]);
const changesOf = (result: PlanResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return result.changeSet;
};

describe('planResolution — each kind of change', () => {
  it('given a valid establishment, then a new live unit appears under its parent', () => {
    const set = changesOf(
      plan([
        {
          kind: 'establish',
          name: 'Chi bộ Trạm y tế',
          unitKind: 'grassroots_cell',
          setting: 'health_station',
          parentId: 'ward',
          fullMembers: 5,
        },
      ]),
    );
    expect(set.changes).toEqual([
      expect.objectContaining({
        type: 'created',
        change: 'establish',
        after: expect.objectContaining({ id: 'new-id-1', name: 'Chi bộ Trạm y tế', parentId: 'ward' }),
      }),
    ]);
  });

  it('given a rename, then the unit keeps its id and takes the new name ("tổ 34 is the new name of tổ 6")', () => {
    const set = changesOf(plan([{ kind: 'rename', unitId: 'c1', newName: 'Chi bộ Tổ dân phố số 34' }]));
    expect(set.changes[0]).toMatchObject({
      type: 'updated',
      before: { id: 'c1', name: 'Chi bộ Tổ dân phố số 6' },
      after: { id: 'c1', name: 'Chi bộ Tổ dân phố số 34' },
    });
  });

  it('given a renumbering, then the series is named "Chi bộ 1" … "Chi bộ n" even where it swaps names inside the series', () => {
    const set = changesOf(plan([{ kind: 'renumber', unitIds: ['c2', 'c1', 'c3'], pattern: 'Chi bộ {n}' }]));
    expect(set.changes.map((c) => [c.after.id, c.after.name])).toEqual([
      ['c2', 'Chi bộ 1'],
      ['c1', 'Chi bộ 2'],
      ['c3', 'Chi bộ 3'],
    ]);
  });

  it('given an upgrade, then a subordinate cell becomes a grassroots cell under the ward committee', () => {
    const set = changesOf(plan([{ kind: 'upgrade', unitId: 'sub1', toKind: 'grassroots_cell' }]));
    expect(set.changes[0]).toMatchObject({
      before: { kind: 'subordinate_cell', parentId: 'gc' },
      after: { kind: 'grassroots_cell', parentId: 'ward' },
    });
  });

  it('given a merger, then the predecessors are dissolved, the successor sums their members, and lineage links them', () => {
    const set = changesOf(
      plan([
        {
          kind: 'merge',
          unitIds: ['c2', 'c3'],
          name: 'Chi bộ Khu dân cư 1',
          unitKind: 'grassroots_cell',
          setting: 'residential_group',
          parentId: 'ward',
        },
      ]),
    );
    expect(set.changes.map((c) => [c.after.id, c.after.status])).toEqual([
      ['c2', 'dissolved'],
      ['c3', 'dissolved'],
      ['new-id-1', 'active'],
    ]);
    expect(set.changes[2]!.after.fullMembers).toBe(17);
    expect(set.lineage).toEqual([
      { predecessorId: 'c2', successorId: 'new-id-1', change: 'merge', itemIndex: 0 },
      { predecessorId: 'c3', successorId: 'new-id-1', change: 'merge', itemIndex: 0 },
    ]);
  });

  it('given a dissolution, then the unit is no longer live', () => {
    expect(changesOf(plan([{ kind: 'dissolve', unitId: 'c3' }])).changes[0]!.after.status).toBe('dissolved');
  });

  it('given a transfer, then the unit moves under its new parent', () => {
    const set = changesOf(
      plan([
        {
          kind: 'establish',
          ref: 'k',
          name: 'Đảng bộ Khối',
          unitKind: 'grassroots_committee',
          setting: 'mixed',
          parentId: 'ward',
          fullMembers: 30,
        },
        { kind: 'transfer', unitId: 'sub1', parentId: 'k' },
      ]),
    );
    expect(set.changes[1]!.after.parentId).toBe('new-id-1');
  });

  it('given an appointment in a cell of 12, then secretary, deputy and cell committee are set', () => {
    const set = changesOf(
      plan([
        {
          kind: 'appoint',
          unitId: 'c1',
          secretary: 'Nguyễn Văn An',
          deputies: ['Trần Thị Bình'],
          committee: ['Lê Văn Châu'],
        },
      ]),
    );
    expect(set.changes[0]!.after.officers).toEqual({
      secretary: 'Nguyễn Văn An',
      deputies: ['Trần Thị Bình'],
      committee: ['Lê Văn Châu'],
    });
  });
});

describe('planResolution — the rules', () => {
  it('refuses a grassroots organization with fewer than 3 full members', () => {
    expect(
      violationsOf(
        plan([
          {
            kind: 'establish',
            name: 'Chi bộ nhỏ',
            unitKind: 'grassroots_cell',
            setting: 'school',
            parentId: 'ward',
            fullMembers: 2,
          },
        ]),
      ),
    ).toEqual([['BELOW_MINIMUM_MEMBERS', 'items[0].fullMembers']]);
    expect(violationsOf(plan([{ kind: 'upgrade', unitId: 'sub2', toKind: 'grassroots_cell' }]))).toEqual([
      ['BELOW_MINIMUM_MEMBERS', 'items[0].toKind'],
    ]);
  });

  it('requires a committee from 30 full members and a cell below 30', () => {
    expect(
      violationsOf(
        plan([
          {
            kind: 'establish',
            name: 'Chi bộ lớn',
            unitKind: 'grassroots_cell',
            setting: 'agency',
            parentId: 'ward',
            fullMembers: 30,
          },
        ]),
      ),
    ).toEqual([['TOO_LARGE_FOR_CELL', 'items[0].fullMembers']]);
    expect(
      violationsOf(
        plan([
          {
            kind: 'establish',
            name: 'Đảng bộ nhỏ',
            unitKind: 'grassroots_committee',
            setting: 'agency',
            parentId: 'ward',
            fullMembers: 29,
          },
        ]),
      ),
    ).toEqual([['TOO_SMALL_FOR_COMMITTEE', 'items[0].fullMembers']]);
  });

  it('keeps the thresholds configurable', () => {
    const result = planResolution(
      aWard(),
      [
        {
          kind: 'establish',
          name: 'Chi bộ X',
          unitKind: 'grassroots_cell',
          setting: 'agency',
          parentId: 'ward',
          fullMembers: 4,
        },
      ],
      {
        wardCode: 'phuong-thu',
        newUnitId: () => 'x',
        rules: { minimumFullMembers: 5, grassrootsCommitteeFrom: 30, cellCommitteeFrom: 9 },
      },
    );
    expect(violationsOf(result)).toEqual([['BELOW_MINIMUM_MEMBERS', 'items[0].fullMembers']]);
  });

  it('refuses a cell committee in a cell under 9 full members, and more than one deputy there', () => {
    expect(violationsOf(plan([{ kind: 'appoint', unitId: 'c3', secretary: 'A', committee: ['B'] }]))).toEqual(
      [['CELL_COMMITTEE_NOT_ALLOWED', 'items[0].committee']],
    );
    expect(
      violationsOf(plan([{ kind: 'appoint', unitId: 'c3', secretary: 'A', deputies: ['B', 'C'] }])),
    ).toEqual([['TOO_MANY_DEPUTIES', 'items[0].deputies']]);
  });

  it('refuses one person in two positions', () => {
    expect(
      violationsOf(
        plan([{ kind: 'appoint', unitId: 'c1', secretary: 'Nguyễn Văn An', deputies: ['nguyễn văn an'] }]),
      ),
    ).toEqual([['OFFICER_LISTED_TWICE', 'items[0].secretary']]);
  });

  it('treats a decomposed (NFD) or differently cased name as the same name', () => {
    const nfd = 'chi bộ 2'.normalize('NFD');
    expect(violationsOf(plan([{ kind: 'rename', unitId: 'c1', newName: nfd }]))).toEqual([
      ['DUPLICATE_SIBLING_NAME', 'items[0].newName'],
    ]);
    expect(
      violationsOf(
        plan([
          {
            kind: 'establish',
            name: 'CHI BỘ 3',
            unitKind: 'grassroots_cell',
            setting: 'village',
            parentId: 'ward',
            fullMembers: 3,
          },
        ]),
      ),
    ).toEqual([['DUPLICATE_SIBLING_NAME', 'items[0].name']]);
  });

  it("allows the same name under different parents, and reusing a dissolved unit's name", () => {
    expect(violationsOf(plan([{ kind: 'rename', unitId: 'sub1', newName: 'Chi bộ 2' }]))).toEqual([]);
    expect(violationsOf(plan([{ kind: 'rename', unitId: 'c1', newName: 'Chi bộ đã giải thể' }]))).toEqual([]);
  });

  it('refuses a cycle in the tree', () => {
    const snapshot = snapshotOf([
      ...aWard().values(),
      unit('gc2', { kind: 'grassroots_committee', parentId: 'ward', name: 'Đảng bộ B', fullMembers: 35 }),
    ]);
    expect(violationsOf(plan([{ kind: 'transfer', unitId: 'gc', parentId: 'gc' }], snapshot))).toEqual([
      ['TREE_CYCLE', 'items[0].parentId'],
    ]);
  });

  it('refuses a parent of the wrong kind or that does not exist', () => {
    expect(violationsOf(plan([{ kind: 'transfer', unitId: 'c1', parentId: 'gc' }]))).toEqual([
      ['PARENT_KIND_NOT_ALLOWED', 'items[0].parentId'],
    ]);
    expect(violationsOf(plan([{ kind: 'transfer', unitId: 'sub1', parentId: 'nowhere' }]))).toEqual([
      ['PARENT_NOT_FOUND', 'items[0].parentId'],
    ]);
  });

  it('refuses touching one unit twice in one resolution', () => {
    expect(
      violationsOf(
        plan([
          { kind: 'rename', unitId: 'c1', newName: 'Chi bộ 9' },
          { kind: 'dissolve', unitId: 'c1' },
        ]),
      ),
    ).toEqual([['UNIT_TOUCHED_TWICE', 'items[1].unitId']]);
  });

  it('refuses any change to a dissolved or unknown unit', () => {
    expect(violationsOf(plan([{ kind: 'rename', unitId: 'gone', newName: 'X' }]))).toEqual([
      ['UNIT_DISSOLVED', 'items[0].unitId'],
    ]);
    expect(violationsOf(plan([{ kind: 'dissolve', unitId: 'nobody' }]))).toEqual([
      ['UNIT_NOT_FOUND', 'items[0].unitId'],
    ]);
  });

  it('refuses a renumbering that collides with itself or with units outside it', () => {
    expect(violationsOf(plan([{ kind: 'renumber', unitIds: ['c1', 'c3'], pattern: 'Chi bộ mới' }]))).toEqual([
      ['RENUMBER_SELF_COLLISION', 'items[0].pattern'],
    ]);
    expect(
      violationsOf(plan([{ kind: 'renumber', unitIds: ['c1'], pattern: 'Chi bộ {n}', startAt: 2 }])),
    ).toEqual([['RENUMBER_COLLISION', 'items[0].unitIds[0]']]);
  });

  it('refuses upgrading what is not a subordinate cell, and a merger of fewer than two units', () => {
    expect(violationsOf(plan([{ kind: 'upgrade', unitId: 'c1', toKind: 'grassroots_committee' }]))).toEqual([
      ['UPGRADE_NOT_APPLICABLE', 'items[0].unitId'],
    ]);
    expect(
      violationsOf(
        plan([
          {
            kind: 'merge',
            unitIds: ['c1', 'c1'],
            name: 'X',
            unitKind: 'grassroots_cell',
            setting: 'village',
            parentId: 'ward',
          },
        ]),
      ),
    ).toEqual([['MERGE_NEEDS_TWO_UNITS', 'items[0].unitIds']]);
  });

  it('lists every violation of every item, with Vietnamese and English messages', () => {
    const result = plan([
      { kind: 'rename', unitId: 'nobody', newName: 'X' },
      {
        kind: 'establish',
        name: '  ',
        unitKind: 'grassroots_cell',
        setting: 'village',
        parentId: 'ward',
        fullMembers: 1,
      },
    ]);
    expect(violationsOf(result)).toEqual([
      ['UNIT_NOT_FOUND', 'items[0].unitId'],
      ['EMPTY_NAME', 'items[1].name'],
      ['BELOW_MINIMUM_MEMBERS', 'items[1].fullMembers'],
    ]);
    if (!result.ok)
      expect(result.violations[2]).toMatchObject({
        message: expect.stringContaining('ít nhất 3 đảng viên'),
        messageEn: expect.stringContaining('at least 3'),
      });
  });
});

describe('previewResolution', () => {
  it('shows before/after per unit and the organization count, without changing the snapshot', () => {
    const snapshot = aWard();
    const set = changesOf(
      plan(
        [
          {
            kind: 'establish',
            name: 'Chi bộ Trường B',
            unitKind: 'grassroots_cell',
            setting: 'school',
            parentId: 'ward',
            fullMembers: 6,
          },
          { kind: 'rename', unitId: 'c1', newName: 'Chi bộ Tổ dân phố số 34' },
        ],
        snapshot,
      ),
    );
    const preview = previewResolution(snapshot, set);
    expect(preview).toMatchObject({
      organizationsBefore: 6,
      organizationsAfter: 7,
      countsByChange: { establish: 1, rename: 1 },
    });
    expect(preview.entries[1]).toMatchObject({
      before: { name: 'Chi bộ Tổ dân phố số 6' },
      after: { name: 'Chi bộ Tổ dân phố số 34', parentName: 'Đảng bộ phường Thử' },
    });
    expect(snapshot.get('c1')!.name).toBe('Chi bộ Tổ dân phố số 6');
    expect(applyChangeSet(snapshot, set).get('c1')!.name).toBe('Chi bộ Tổ dân phố số 34');
  });
});

describe('planning with hostile or look-alike names', () => {
  const rename = (newName: string, snapshot = aWard()) =>
    violationsOf(plan([{ kind: 'rename', unitId: 'c1', newName }], snapshot));
  const messageOf = (newName: string) => {
    const result = plan([{ kind: 'rename', unitId: 'c1', newName }]);
    return result.ok ? '' : result.violations[0]!.message;
  };

  it("given a sibling's name plus a zero-width space, then the name is refused with a Vietnamese reason", () => {
    expect(rename('Chi bộ 2\u200b')).toEqual([['INVALID_NAME', 'items[0].newName']]);
    expect(messageOf('Chi bộ 2\u200b')).toContain('ký tự vô hình');
  });

  it('given an invisible name, then it is refused', () => {
    expect(rename('\u3164')).toEqual([['INVALID_NAME', 'items[0].newName']]);
    expect(rename('\u0301')).toEqual([['INVALID_NAME', 'items[0].newName']]);
  });

  it('given a Cyrillic homoglyph of a sibling, then it is refused', () => {
    expect(rename('\u0421hi bộ 2')).toEqual([['INVALID_NAME', 'items[0].newName']]);
    expect(messageOf('\u0421hi bộ 2')).toContain('Kirin');
  });

  it('given a registry that already holds a Cyrillic look-alike, then its Latin twin is refused as a duplicate', () => {
    const snapshot = aWard();
    const legacy = snapshotOf([...snapshot.values(), unit('c9', { name: 'Chi b\u043e\u0323\u0302 9' })]);
    expect(rename('Chi bộ 9', legacy)).toEqual([['DUPLICATE_SIBLING_NAME', 'items[0].newName']]);
  });

  it('given a control character, then the name is refused', () => {
    expect(rename('Chi bộ\u0007 7')).toEqual([['INVALID_NAME', 'items[0].newName']]);
  });

  it('given a right-to-left override, then the name is refused', () => {
    expect(rename('Chi bộ \u202e7 ốT')).toEqual([['INVALID_NAME', 'items[0].newName']]);
  });

  it("given a sibling's name in NFD or with a no-break space, then it is still a duplicate", () => {
    expect(rename('Chi bộ 2'.normalize('NFD'))).toEqual([['DUPLICATE_SIBLING_NAME', 'items[0].newName']]);
    expect(rename('Chi\u00a0bộ 2')).toEqual([['DUPLICATE_SIBLING_NAME', 'items[0].newName']]);
  });

  it('given an officer with a zero-width joiner, then the appointment is refused at that person', () => {
    expect(
      violationsOf(
        plan([{ kind: 'appoint', unitId: 'c1', secretary: 'Nguyễn Văn An', deputies: ['Lê\u200d Bình'] }]),
      ),
    ).toEqual([['INVALID_NAME', 'items[0].deputies[0]']]);
  });

  it('given a renumber pattern with a bidi override, then the pattern is refused once', () => {
    expect(
      violationsOf(plan([{ kind: 'renumber', unitIds: ['c2', 'c3'], pattern: 'Chi bộ \u202e{n}' }])),
    ).toEqual([['INVALID_NAME', 'items[0].pattern']]);
  });
});
