import { type RegistryUnit, snapshotOf } from '../registry/registry-unit';
import { aUnit as unit } from '../registry/registry-unit.fixture';
import type { ResolutionItem } from '../registry/resolution-item';
import { type PlannedChanges, planDifferences, planProcedure, sentBackReasons } from './procedure-plan';

const ward = (overrides: Partial<Record<string, Partial<RegistryUnit>>> = {}) =>
  snapshotOf([
    unit('ward', {
      kind: 'ward_committee',
      setting: 'administrative',
      name: 'Đảng bộ phường Thử',
      parentId: null,
      fullMembers: 300,
      ...overrides.ward,
    }),
    unit('tdp6', { name: 'Chi bộ Tổ dân phố số 6', ...overrides.tdp6 }),
    unit('c2', { name: 'Chi bộ 2', ...overrides.c2 }),
  ]);

const items: ResolutionItem[] = [
  { kind: 'rename', unitId: 'tdp6', newName: 'Chi bộ Tổ dân phố số 34' },
  {
    kind: 'establish',
    name: 'Chi bộ Trạm y tế',
    unitKind: 'grassroots_cell',
    setting: 'health_station',
    parentId: 'ward',
    fullMembers: 5,
  },
];

const planned = (snapshot = ward()): PlannedChanges => {
  const plan = planProcedure(snapshot, items, { wardCode: 'phuong-thu', procedureId: '12345678-aaaa' });
  if (!plan.ok) throw new Error(JSON.stringify(plan.violations));
  return plan;
};

describe('planProcedure', () => {
  it('given one procedure planned twice on one registry, then both plans are the same, new units carrying the procedure’s ids', () => {
    const first = planned();
    expect(planned()).toEqual(first);
    expect(first.changeSet.changes[1]?.after.id).toBe('phuong-thu.p12345678-1');
    expect(first.sentences.map((s) => s.article)).toEqual([
      'Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.',
      expect.stringContaining('Thành lập Chi bộ Trạm y tế'),
    ]);
    expect(first.preview.organizationsAfter).toBe(first.preview.organizationsBefore + 1);
  });

  it('given items that break a rule on this registry, then the plan lists the violations', () => {
    const plan = planProcedure(ward({ c2: { name: 'Chi bộ Tổ dân phố số 34' } }), items, {
      wardCode: 'phuong-thu',
      procedureId: '12345678-aaaa',
    });
    expect(plan.ok).toBe(false);
  });
});

describe('planDifferences', () => {
  it('given the same registry, then there is no difference', () => {
    expect(planDifferences(planned(), planned())).toEqual([]);
  });

  it('given the renamed cell renamed again by another decision since the vote, then the approved sentence no longer holds', () => {
    const voted = planned();
    const now = planned(ward({ tdp6: { name: 'Chi bộ Tổ dân phố số 7' } }));
    expect(planDifferences(voted, now)).toEqual([
      'Nội dung 1: văn bản đã thông qua ghi "Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.", theo sổ đăng ký hiện nay là "Đổi tên Chi bộ Tổ dân phố số 7 thành Chi bộ Tổ dân phố số 34.".',
    ]);
  });

  it('given the ward committee renamed since the vote, then the establishment under it reads differently', () => {
    const now = planned(ward({ ward: { name: 'Đảng bộ phường Mới' } }));
    expect(planDifferences(planned(), now)).toEqual([
      expect.stringMatching(/^Nội dung 2: .*Đảng bộ phường Mới/),
    ]);
  });

  it('given only a fact the text does not state (the renamed cell’s member count), then the approved text still holds', () => {
    const now = planned(ward({ tdp6: { fullMembers: 20 } }));
    expect(now.changeSet).not.toEqual(planned().changeSet);
    expect(planDifferences(planned(), now)).toEqual([]);
  });

  it('given a plan with fewer changes, then the count is named', () => {
    const voted = planned();
    const fewer: PlannedChanges = {
      ...voted,
      changeSet: { ...voted.changeSet, changes: voted.changeSet.changes.slice(0, 1) },
      sentences: voted.sentences.slice(0, 1),
    };
    expect(planDifferences(voted, fewer)[0]).toBe(
      'Số nội dung thay đổi: văn bản đã thông qua có 2, theo sổ đăng ký hiện nay là 1.',
    );
  });
});

describe('sentBackReasons', () => {
  it('opens with why the procedure goes back, then the details', () => {
    expect(sentBackReasons('draft_resolution', ['x'])).toEqual([
      expect.stringContaining('sau khi Ban Thường vụ biểu quyết'),
      'x',
    ]);
    expect(sentBackReasons('review', [])[0]).toContain('cần rà soát lại');
  });
});
