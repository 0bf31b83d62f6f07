import { type RegistryUnit, snapshotOf } from '../registry/registry-unit';
import { aUnit as unit } from '../registry/registry-unit.fixture';
import type { ResolutionItem } from '../registry/resolution-item';
import { type PlannedChanges, planProcedure } from '../procedure/procedure-plan';
import { composeDocumentSet } from './document-set-texts';
import { documentModelText } from './document-model';
import { fillPlaceholders } from './issued-text';

const ward = (cells: number, extra: RegistryUnit[] = []) =>
  snapshotOf([
    unit('ward', {
      kind: 'ward_committee',
      setting: 'administrative',
      name: 'Đảng bộ phường Kim Liên',
      parentId: null,
      fullMembers: 3000,
    }),
    ...Array.from({ length: cells }, (_, k) =>
      unit(`tdp${k + 1}`, { name: `Chi bộ Khu tập thể ${k + 1}`, setting: 'residential_group' }),
    ),
    ...extra,
  ]);

const plan = (snapshot: ReturnType<typeof ward>, items: ResolutionItem[]): PlannedChanges => {
  const planned = planProcedure(snapshot, items, {
    wardCode: 'phuong-kim-lien',
    procedureId: 'abcdef12-0000',
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.violations));
  return planned;
};

const compose = (p: PlannedChanges) =>
  composeDocumentSet({
    wardKind: 'phuong',
    wardName: 'Kim Liên',
    title: 'kiện toàn tổ chức đảng',
    changeSet: p.changeSet,
    sentences: p.sentences,
    signedAt: new Date('2025-07-07T02:00:00Z'),
    effectiveDate: '2025-07-07',
    signer: { fullName: 'Nguyễn Văn An', deputy: false },
  });

describe('The texts of a document set', () => {
  it('given 3 establishments and 7 renames, then 3 founding decisions (one unit each, no annex) and one collective decision with a 7-row annex', () => {
    const items: ResolutionItem[] = [
      ...['Chi bộ Trạm Y tế phường', 'Chi bộ Trường Tiểu học Kim Liên', 'Chi bộ Khu dân cư số 1'].map(
        (name): ResolutionItem => ({
          kind: 'establish',
          name,
          unitKind: 'grassroots_cell',
          setting: 'agency',
          parentId: 'ward',
          fullMembers: 7,
        }),
      ),
      ...Array.from({ length: 7 }, (_, k): ResolutionItem => ({
        kind: 'rename',
        unitId: `tdp${k + 1}`,
        newName: `Chi bộ Tổ dân phố số ${k + 1}`,
      })),
    ];
    const set = compose(plan(ward(7), items));
    expect(set.decisions.map((d) => [d.position, d.purpose, d.title])).toEqual([
      [1, 'founding', 'thành lập Chi bộ Trạm Y tế phường'],
      [2, 'founding', 'thành lập Chi bộ Trường Tiểu học Kim Liên'],
      [3, 'founding', 'thành lập Chi bộ Khu dân cư số 1'],
      [4, 'collective', 'đổi tên 7 tổ chức đảng'],
    ]);
    expect(set.decisions[0]!.recipients).toEqual([
      { unitId: 'phuong-kim-lien.pabcdef12-1', unitName: 'Chi bộ Trạm Y tế phường' },
    ]);
    expect(set.decisions[0]!.model.annex).toBeUndefined();
    expect(set.decisions[0]!.model.articles[0]!.text).toMatch(/^Điều 1\. Thành lập Chi bộ Trạm Y tế phường/);
    expect(set.decisions[3]!.recipients).toHaveLength(7);
    expect(set.decisions[3]!.model.annex?.rows).toHaveLength(7);
    expect(set.decisions[3]!.model.summary).toBe('về việc đổi tên 7 tổ chức đảng');
    // The resolution covers every change.
    expect(set.resolution.articles[0]!.text).toContain('10 nội dung');
  });

  it('given a founding decision issued with its numbers, then its grounds cite the resolution "số 01-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ Đảng ủy phường Kim Liên" and it is signed by the secretary named in the registry', () => {
    const set = compose(
      plan(ward(1), [
        {
          kind: 'establish',
          name: 'Chi bộ Công an phường',
          unitKind: 'grassroots_cell',
          setting: 'agency',
          parentId: 'ward',
          fullMembers: 21,
        },
      ]),
    );
    const issued = fillPlaceholders('QĐ', documentModelText(set.decisions[0]!.model), {
      symbol: 'Số 02-QĐ/ĐU',
      resolutionSymbol: 'Số 01-NQ/ĐU',
      signedAt: new Date('2025-07-07T02:00:00Z'),
    });
    expect(issued).toContain('Số 02-QĐ/ĐU');
    expect(issued).toContain(
      '- Căn cứ Nghị quyết số 01-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ Đảng ủy phường Kim Liên;',
    );
    expect(issued).toContain('Kim Liên, ngày 07 tháng 7 năm 2025');
    expect(issued).toContain('về việc thành lập Chi bộ Công an phường');
    expect(issued).toContain('Nguyễn Văn An');
    expect(issued).not.toContain('[[');
  });

  it('given appointments in existing cells, then one decision per cell, titled with the offices appointed', () => {
    const set = compose(
      plan(ward(2), [
        { kind: 'appoint', unitId: 'tdp1', secretary: 'Lê Văn A', deputies: ['Trần Thị B'] },
        { kind: 'appoint', unitId: 'tdp2', secretary: 'Phạm Văn C' },
      ]),
    );
    expect(set.decisions.map((d) => [d.purpose, d.unitId, d.title])).toEqual([
      ['appointment', 'tdp1', 'chỉ định Bí thư, Phó Bí thư Chi bộ Khu tập thể 1'],
      ['appointment', 'tdp2', 'chỉ định Bí thư Chi bộ Khu tập thể 2'],
    ]);
  });
});
