import ExcelJS from 'exceljs';
import { NO_OFFICERS, type RegistrySnapshot, snapshotOf } from '@kientoan/domain';
import { readSheet } from '@kientoan/platform';
import { planImport as planRecords } from './unit-import';

/** The CLI's path: the file's bytes through readSheet (csv-parse), then the plan. */
const planImport = async (csv: string, wardCode: string, snapshot: RegistrySnapshot) =>
  planRecords(await readSheet(Buffer.from(csv, 'utf8'), 'units.csv'), wardCode, snapshot);

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
  it('reads quoted fields with commas, quotes and line breaks; rows are numbered as the spreadsheet shows them', async () => {
    expect(await readSheet(Buffer.from('a,b\n"x, ""y""","line1\nline2"\nz,w\n'), 'f.csv')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line1\nline2'] },
      { line: 3, cells: ['z', 'w'] },
    ]);
  });

  it('given the same units as an .xlsx workbook, then it plans them like the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['db1', 'Đảng bộ Trường A', 'Đảng bộ cơ sở', 'Trường học', null, 35, 'Nguyễn Văn An']);
    sheet.addRow(['cb1', 'Chi bộ Giáo viên 1', 'chi bo truc thuoc', 'school', 'db1', 12, 'Phạm Thị Dung']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const plan = planRecords(await readSheet(bytes, 'don-vi.xlsx'), 'w', ward());

    expect(
      plan.ok && plan.changeSet.changes.map((c) => [c.after.id, c.after.parentId, c.after.fullMembers]),
    ).toEqual([
      ['w.db1', 'w.dang-bo', 35],
      ['w.cb1', 'w.db1', 12],
    ]);
  });

  it('given good rows in Vietnamese headings and labels, then it plans every unit with its officers', async () => {
    const csv = [
      HEADER,
      'db1,Đảng bộ Trường A,Đảng bộ cơ sở,Trường học,,35,Nguyễn Văn An,Trần Thị Bình,Lê Văn Châu',
      'cb1,Chi bộ Giáo viên 1,chi bo truc thuoc,school,db1,12,Phạm Thị Dung,,',
      'cb2,Chi bộ Tổ dân phố số 1,grassroots_cell,residential_group,,7,Hoàng Văn Em,Vũ Thị Giang,',
    ].join('\n');
    const plan = await planImport(csv, 'w', ward());
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

  it('given one bad row among good ones, then nothing is planned and the row is named by its line', async () => {
    const csv = [
      HEADER,
      'a1,Chi bộ 1,grassroots_cell,village,,12,,,',
      'a2,Chi bộ 2,grassroots_cell,village,,2,,,',
      'a3,Chi bộ 3,grassroots_cell,village,,15,,,',
    ].join('\n');
    const plan = await planImport(csv, 'w', ward());
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

  it('reports every problem of every row: unknown kind, bad number, duplicate id, missing parent, committee in a small cell', async () => {
    const csv = [
      HEADER,
      'x1,Chi bộ A,không rõ,village,,12,,,',
      'x2,Chi bộ B,grassroots_cell,village,,mười,,,',
      'x3,Chi bộ C,grassroots_cell,village,,12,,,',
      'x3,Chi bộ D,grassroots_cell,village,,12,,,',
      'x5,Chi bộ E,subordinate_cell,village,nowhere,12,,,',
    ].join('\n');
    const plan = await planImport(csv, 'w', ward());
    expect(plan.ok ? [] : plan.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'kind'],
      [3, 'full_members'],
      [5, 'id'],
      [6, 'parentId'],
    ]);
    const small = await planImport(
      [HEADER, 'y1,Chi bộ Nhỏ,grassroots_cell,village,,5,An,Bình,Châu'].join('\n'),
      'w',
      ward(),
    );
    expect(small.ok ? [] : small.problems.map((p) => [p.line, p.field])).toEqual([[2, 'committee']]);
  });

  it('refuses a file without the required columns', async () => {
    expect(await planImport('ma,ten\n1,Chi bộ', 'w', ward())).toMatchObject({
      ok: false,
      problems: [{ line: 1, field: 'header' }],
    });
  });
});
