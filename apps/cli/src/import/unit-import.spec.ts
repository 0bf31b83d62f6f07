import { NO_OFFICERS, snapshotOf } from '@kientoan/domain';
import { parseCsv } from './csv-parser';
import { planImport } from './unit-import';

const ward = () =>
  snapshotOf([
    {
      id: 'w.dang-bo',
      wardCode: 'w',
      kind: 'ward_committee',
      setting: 'administrative',
      name: 'Đảng bộ phường Thử',
      parentId: null,
      fullMembers: 0,
      status: 'active',
      officers: NO_OFFICERS,
    },
  ]);

const HEADER = 'ma,ten,loai,linh_vuc,ma_cap_tren,so_dang_vien_chinh_thuc,bi_thu,pho_bi_thu,chi_uy';

describe('CSV import planning', () => {
  it('parses quoted fields with commas, quotes and line breaks, keeping each record’s first line', () => {
    expect(parseCsv('a,b\n"x, ""y""","line1\nline2"\nz,w\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'line1\nline2'] },
      { line: 4, fields: ['z', 'w'] },
    ]);
  });

  it('given good rows in Vietnamese headings and labels, then it plans every unit with its officers', () => {
    const csv = [
      HEADER,
      'db1,Đảng bộ Trường A,Đảng bộ cơ sở,Trường học,,35,Nguyễn Văn An,Trần Thị Bình,Lê Văn Châu',
      'cb1,Chi bộ Giáo viên 1,chi bo truc thuoc,school,db1,12,Phạm Thị Dung,,',
      'cb2,Chi bộ Tổ dân phố số 1,grassroots_cell,residential_group,,7,Hoàng Văn Em,Vũ Thị Giang,',
    ].join('\n');
    const plan = planImport(csv, 'w', ward());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(
      plan.changeSet.changes.map((c) => [c.after.id, c.after.parentId, c.after.officers.secretary]),
    ).toEqual([
      ['w.db1', 'w.dang-bo', 'Nguyễn Văn An'],
      ['w.cb1', 'w.db1', 'Phạm Thị Dung'],
      ['w.cb2', 'w.dang-bo', 'Hoàng Văn Em'],
    ]);
  });

  it('given one bad row among good ones, then nothing is planned and the row is named by its line', () => {
    const csv = [
      HEADER,
      'a1,Chi bộ 1,grassroots_cell,village,,12,,,',
      'a2,Chi bộ 2,grassroots_cell,village,,2,,,',
      'a3,Chi bộ 3,grassroots_cell,village,,15,,,',
    ].join('\n');
    const plan = planImport(csv, 'w', ward());
    expect(plan).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          line: 3,
          field: 'fullMembers',
          message: expect.stringContaining('ít nhất 3'),
        }),
      ],
    });
  });

  it('reports every problem of every row: unknown kind, bad number, duplicate id, missing parent, committee in a small cell', () => {
    const csv = [
      HEADER,
      'x1,Chi bộ A,không rõ,village,,12,,,',
      'x2,Chi bộ B,grassroots_cell,village,,mười,,,',
      'x3,Chi bộ C,grassroots_cell,village,,12,,,',
      'x3,Chi bộ D,grassroots_cell,village,,12,,,',
      'x5,Chi bộ E,subordinate_cell,village,nowhere,12,,,',
    ].join('\n');
    const plan = planImport(csv, 'w', ward());
    expect(plan.ok ? [] : plan.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'kind'],
      [3, 'full_members'],
      [5, 'id'],
      [6, 'parentId'],
    ]);
    const small = planImport(
      [HEADER, 'y1,Chi bộ Nhỏ,grassroots_cell,village,,5,An,Bình,Châu'].join('\n'),
      'w',
      ward(),
    );
    expect(small.ok ? [] : small.problems.map((p) => [p.line, p.field])).toEqual([[2, 'committee']]);
  });

  it('refuses a file without the required columns', () => {
    expect(planImport('ma,ten\n1,Chi bộ', 'w', ward())).toMatchObject({
      ok: false,
      problems: [{ line: 1, field: 'header' }],
    });
  });
});
