import { countOrganizations, snapshotOf } from '@kientoan/domain';
import { generateWard } from './city-generator';

const ward = (code: string, kind: 'phuong' | 'xa', name: string, ordinal = 7) => ({
  code,
  kind,
  name,
  ordinal,
});
const count = (units: ReturnType<typeof generateWard>, kinds: string[]) =>
  units.filter((u) => kinds.includes(u.kind)).length;

describe('city generator', () => {
  it('is deterministic: the same seed number generates the same ward', () => {
    const a = generateWard(ward('phuong-x', 'phuong', 'Thử'), 42);
    expect(generateWard(ward('phuong-x', 'phuong', 'Thử'), 42)).toEqual(a);
    expect(generateWard(ward('phuong-x', 'phuong', 'Thử'), 43)).not.toEqual(a);
  });

  it('generates only units the Statute allows (grassroots sizes, officers)', () => {
    for (const [code, kind] of [
      ['phuong-a', 'phuong'],
      ['xa-b', 'xa'],
    ] as const) {
      for (const unit of generateWard(ward(code, kind, 'Thử'), 1)) {
        if (unit.kind === 'grassroots_cell') expect(unit.fullMembers).toBeGreaterThanOrEqual(3);
        if (unit.kind === 'grassroots_cell') expect(unit.fullMembers).toBeLessThan(30);
        if (unit.kind === 'grassroots_committee') expect(unit.fullMembers).toBeGreaterThanOrEqual(30);
        if (unit.kind.endsWith('cell') && unit.fullMembers < 9) {
          expect(unit.officers.committee).toEqual([]);
          expect(unit.officers.deputies.length).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('gives Kim Liên its 88 organizations before the restructuring, 70 of them residential-group cells', () => {
    const units = generateWard(ward('phuong-kim-lien', 'phuong', 'Kim Liên'), 2025);
    expect(countOrganizations(snapshotOf(units))).toBe(88);
    expect(units.filter((u) => u.setting === 'residential_group')).toHaveLength(70);
  });

  it('gives Văn Miếu – Quốc Tử Giám 61 cells under the former wards’ committees', () => {
    const units = generateWard(
      ward('phuong-van-mieu-quoc-tu-giam', 'phuong', 'Văn Miếu - Quốc Tử Giám'),
      2025,
    );
    expect(count(units, ['subordinate_cell'])).toBe(61);
    expect(units.filter((u) => u.kind === 'legacy_committee').map((u) => u.name)).toContain(
      'Đảng bộ phường Hàng Bột (cũ)',
    );
  });

  it('gives Đan Phượng 66 grassroots organizations (7 committees, 59 cells: 33 institutional, 26 village/residential) and over 2,300 members', () => {
    const units = generateWard(ward('xa-dan-phuong', 'xa', 'Đan Phượng'), 2025);
    expect(count(units, ['grassroots_committee'])).toBe(7);
    const cells = units.filter((u) => u.kind === 'grassroots_cell');
    expect(cells).toHaveLength(59);
    expect(cells.filter((u) => u.setting === 'village' || u.setting === 'residential_group')).toHaveLength(
      26,
    );
    const members = units
      .filter((u) => u.kind === 'grassroots_cell' || u.kind === 'grassroots_committee')
      .reduce((s, u) => s + u.fullMembers, 0);
    expect(members).toBeGreaterThan(2300);
  });

  it('gives Phúc Lộc 37 cells under the former communes and the former Phúc Thọ enterprise bloc, and no village cells yet', () => {
    const units = generateWard(ward('xa-phuc-loc', 'xa', 'Phúc Lộc'), 2025);
    const legacy = new Set(units.filter((u) => u.kind === 'legacy_committee').map((u) => u.id));
    expect(units.filter((u) => u.kind === 'subordinate_cell' && legacy.has(u.parentId ?? ''))).toHaveLength(
      37,
    );
    expect(units.filter((u) => u.setting === 'village')).toHaveLength(0);
    expect(units.some((u) => u.name === 'Đảng bộ Khối Doanh nghiệp huyện Phúc Thọ (cũ)')).toBe(true);
  });

  it('gives Ô Chợ Dừa its residential group 6 (the future group 34)', () => {
    expect(generateWard(ward('phuong-o-cho-dua', 'phuong', 'Ô Chợ Dừa'), 2025).map((u) => u.name)).toContain(
      'Chi bộ Tổ dân phố số 6',
    );
  });
});
