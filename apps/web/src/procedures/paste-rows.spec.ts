import { foldVietnamese, parsePastedRows, rowToItem } from './paste-rows';

const units = [
  { id: 'phuong-o-cho-dua.tdp6', name: 'Chi bộ Tổ dân phố số 6' },
  { id: 'phuong-o-cho-dua.tdp7', name: 'Chi bộ Tổ dân phố số 7' },
  { id: 'phuong-o-cho-dua.du', name: 'Đảng ủy phường Ô Chợ Dừa' },
];

describe('pasting rows from a spreadsheet', () => {
  it('given tab-separated rows under Vietnamese headers, when parsed, then units are matched by name without diacritics', () => {
    const text = 'Tổ chức đảng\tTên mới\nchi bo to dan pho so 6\tChi bộ Tổ dân phố số 34\n';

    const rows = parsePastedRows(text, units);

    expect(rows).toEqual([
      {
        kind: 'rename',
        unitId: 'phuong-o-cho-dua.tdp6',
        unitName: 'Chi bộ Tổ dân phố số 6',
        newName: 'Chi bộ Tổ dân phố số 34',
        line: 2,
      },
    ]);
  });

  it('given semicolon-separated rows without headers, when parsed, then the columns are unit and new name', () => {
    const rows = parsePastedRows('phuong-o-cho-dua.tdp7;Chi bộ 35', units);

    expect(rows.map(rowToItem)).toEqual([
      { kind: 'rename', unitId: 'phuong-o-cho-dua.tdp7', newName: 'Chi bộ 35' },
    ]);
  });

  it('given a kind column, when parsed, then each row takes its own kind and the columns it needs', () => {
    const text =
      'Loại thay đổi;Đơn vị;Cấp trên mới\nGiải thể;Chi bộ Tổ dân phố số 6;\nĐiều chuyển;Chi bộ Tổ dân phố số 7;Đảng ủy phường Ô Chợ Dừa';

    const items = parsePastedRows(text, units).map(rowToItem);

    expect(items).toEqual([
      { kind: 'dissolve', unitId: 'phuong-o-cho-dua.tdp6' },
      { kind: 'transfer', unitId: 'phuong-o-cho-dua.tdp7', parentId: 'phuong-o-cho-dua.du' },
    ]);
  });

  it('given a unit nobody knows, when parsed, then the pasted text stays and the row says why', () => {
    const [row] = parsePastedRows('Chi bộ không có\tTên', units);
    expect(row?.unitId).toBe('Chi bộ không có');
    expect(row?.problem).toContain('Không có tổ chức "Chi bộ không có"');
  });

  it('folds Vietnamese letters including đ', () => {
    expect(foldVietnamese('  Đảng   ủy Phường ')).toBe('dang uy phuong');
  });
});
