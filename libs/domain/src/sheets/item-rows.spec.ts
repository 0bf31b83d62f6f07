import { describeRowProblem, readItemRows, rowToItem, splitPastedText } from './item-rows';

const units = [
  { id: 'kl.tdp6', name: 'Chi bộ Tổ dân phố số 6' },
  { id: 'kl.tdp7', name: 'Chi bộ Tổ dân phố số 7' },
  { id: 'kl.du', name: 'Đảng ủy phường Kim Liên' },
  { id: 'kl.a1', name: 'Chi bộ Khu A' },
  { id: 'kl.a2', name: 'Chi bộ khu A' },
];
const rec = (line: number, ...cells: string[]) => ({ line, cells });

describe('resolution items from spreadsheet rows', () => {
  it('given Vietnamese headers in any order, then each column is read by its heading and units are matched without diacritics', () => {
    const { rows, problems } = readItemRows(
      [
        rec(1, 'STT', 'Tên mới', 'Tổ chức đảng'),
        rec(2, '1', 'Chi bộ Tổ dân phố số 34', 'chi bo to dan pho so 6'),
        rec(3, '2', 'Chi bộ Tổ dân phố số 35', 'kl.tdp7'),
      ],
      units,
    );

    expect(problems).toEqual([]);
    expect(rows.map(rowToItem)).toEqual([
      { kind: 'rename', unitId: 'kl.tdp6', newName: 'Chi bộ Tổ dân phố số 34' },
      { kind: 'rename', unitId: 'kl.tdp7', newName: 'Chi bộ Tổ dân phố số 35' },
    ]);
    expect(rows[0]).toMatchObject({ line: 2, unitName: 'Chi bộ Tổ dân phố số 6' });
  });

  it('given a kind column, then each row takes its own kind and the column it needs (parent resolved by name)', () => {
    const { rows, problems } = readItemRows(
      [
        rec(1, 'Loại thay đổi', 'Đơn vị', 'Cấp trên mới', 'Bí thư'),
        rec(2, 'Giải thể', 'Chi bộ Tổ dân phố số 6', '', ''),
        rec(3, 'ĐIỀU CHUYỂN', 'Chi bộ Tổ dân phố số 7', 'Đảng ủy phường Kim Liên', ''),
        rec(4, 'chi dinh', 'kl.tdp7', '', '  Nguyễn   Văn An '),
      ],
      units,
    );

    expect(problems).toEqual([]);
    expect(rows.map(rowToItem)).toEqual([
      { kind: 'dissolve', unitId: 'kl.tdp6' },
      { kind: 'transfer', unitId: 'kl.tdp7', parentId: 'kl.du' },
      { kind: 'appoint', unitId: 'kl.tdp7', secretary: 'Nguyễn Văn An' },
    ]);
  });

  it('names every bad row by its sheet row and column heading, in Vietnamese, and keeps what could be read', () => {
    const { rows, problems } = readItemRows(
      [
        rec(1, 'Tổ chức đảng', 'Tên mới', 'Loại'),
        rec(3, 'Chi bộ không có', 'Chi bộ 40', ''),
        rec(4, 'Chi bộ Tổ dân phố số 6', '', ''),
        rec(5, 'Chi bộ khu A', 'Chi bộ Khu B', ''),
        rec(6, 'kl.tdp7', 'Chi bộ 41', 'Khen thưởng'),
      ],
      units,
    );

    expect(problems.map((p) => [p.line, p.column, p.heading])).toEqual([
      [3, 'unit', 'Tổ chức đảng'],
      [4, 'newName', 'Tên mới'],
      [5, 'unit', 'Tổ chức đảng'],
      [6, 'kind', 'Loại'],
    ]);
    expect(describeRowProblem(problems[0]!).vi).toBe(
      'Dòng 3, cột "Tổ chức đảng": Không có tổ chức "Chi bộ không có" trong danh sách của phường, xã này.',
    );
    expect(problems[2]!.reason).toContain('hãy ghi mã đơn vị (kl.a1, kl.a2)');
    expect(problems[3]!.reason).toContain('Đổi tên, Giải thể, Điều chuyển, Chỉ định');
    expect(rows[0]).toMatchObject({ unitId: 'Chi bộ không có', newName: 'Chi bộ 40', line: 3 });
    expect(rows[1]?.problem).toBe('Tên mới: Chưa ghi tên mới.');
  });

  it('given establish, upgrade and merge rows with Vietnamese headers, then each becomes its item (kinds and settings by their Vietnamese names, units merged by "," or "+")', () => {
    const { rows, problems } = readItemRows(
      [
        rec(
          1,
          'Loại thay đổi',
          'Tổ chức đảng',
          'Tên mới',
          'Trực thuộc',
          'Loại tổ chức',
          'Loại hình',
          'Số đảng viên',
        ),
        rec(
          2,
          'Thành lập',
          '',
          'Chi bộ Trạm Y tế phường',
          'Đảng ủy phường Kim Liên',
          'Chi bộ cơ sở',
          'Trạm y tế',
          '8',
        ),
        rec(3, 'nang cap', 'Chi bộ Tổ dân phố số 6', '', '', 'Đảng bộ cơ sở', '', ''),
        rec(
          4,
          'Hợp nhất',
          'Chi bộ Tổ dân phố số 6 + kl.tdp7',
          'Chi bộ Tổ dân phố số 67',
          'kl.du',
          'chi bo co so',
          'Khu dân cư',
          '',
        ),
        rec(5, 'Nâng cấp', 'kl.tdp7', '', '', '', '', ''),
        rec(6, 'Nâng cấp', 'kl.a1', '', '', 'Chi bộ cơ sở', '', ''),
      ],
      units,
    );
    expect(problems).toEqual([]);
    expect(rows.map(rowToItem)).toEqual([
      {
        kind: 'establish',
        name: 'Chi bộ Trạm Y tế phường',
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: 'kl.du',
        fullMembers: 8,
      },
      { kind: 'upgrade', unitId: 'kl.tdp6', toKind: 'grassroots_committee' },
      {
        kind: 'merge',
        unitIds: ['kl.tdp6', 'kl.tdp7'],
        name: 'Chi bộ Tổ dân phố số 67',
        unitKind: 'grassroots_cell',
        setting: 'residential_group',
        parentId: 'kl.du',
      },
      { kind: 'upgrade', unitId: 'kl.tdp7', toKind: 'grassroots_cell' },
      { kind: 'upgrade', unitId: 'kl.a1', toKind: 'grassroots_cell' },
    ]);
    expect(rows[0]).toMatchObject({ unitName: 'Chi bộ Trạm Y tế phường', line: 2 });
    expect(rows[2]).toMatchObject({ unitName: 'Chi bộ Tổ dân phố số 6 + Chi bộ Tổ dân phố số 7' });
  });

  it('given bad establish, upgrade and merge rows, then every bad cell is named by row and heading, in Vietnamese', () => {
    const { rows, problems } = readItemRows(
      [
        rec(
          1,
          'Loại thay đổi',
          'Tổ chức đảng',
          'Tên mới',
          'Trực thuộc',
          'Loại tổ chức',
          'Loại hình',
          'Số đảng viên',
        ),
        rec(2, 'Thành lập', '', '', '', '', '', ''),
        rec(3, 'Thành lập', 'Chi bộ Trường Mầm non', '', 'kl.du', 'Đảng ủy phường', 'Trường học', 'tám'),
        rec(4, 'Nâng cấp', 'Chi bộ Tổ dân phố số 6', '', '', 'Chi bộ trực thuộc', '', ''),
        rec(5, 'Hợp nhất', 'kl.tdp6', 'Chi bộ 67', 'kl.du', 'Chi bộ cơ sở', 'Khu dân cư', ''),
        rec(6, 'Hợp nhất', 'kl.tdp6, Chi bộ không có', '', 'kl.du', 'Chi bộ cơ sở', 'Nơi khác', ''),
      ],
      units,
    );
    expect(problems.map((p) => [p.line, p.column, p.heading])).toEqual([
      [2, 'unitKind', 'Loại tổ chức'],
      [2, 'parent', 'Trực thuộc'],
      [2, 'newName', 'Tên mới'],
      [2, 'setting', 'Loại hình'],
      [2, 'members', 'Số đảng viên'],
      [3, 'unitKind', 'Loại tổ chức'],
      [3, 'members', 'Số đảng viên'],
      [4, 'unitKind', 'Loại tổ chức'],
      [5, 'unit', 'Tổ chức đảng'],
      [6, 'unit', 'Tổ chức đảng'],
      [6, 'newName', 'Tên mới'],
      [6, 'setting', 'Loại hình'],
    ]);
    const text = problems.map((p) => describeRowProblem(p).vi);
    expect(text[1]).toBe('Dòng 2, cột "Trực thuộc": Chưa ghi tổ chức cấp trên (trực thuộc).');
    expect(text[5]).toBe(
      'Dòng 3, cột "Loại tổ chức": Không hiểu loại tổ chức "Đảng ủy phường"; ghi một trong: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc.',
    );
    expect(text[6]).toBe(
      'Dòng 3, cột "Số đảng viên": Số đảng viên "tám" không phải số nguyên từ 0 đến 100000.',
    );
    expect(text[7]).toContain('ghi một trong: Chi bộ cơ sở, Đảng bộ cơ sở.');
    expect(text[8]).toContain('Hợp nhất cần ít nhất hai tổ chức khác nhau');
    expect(text[9]).toContain('Không có tổ chức "Chi bộ không có"');
    expect(text[11]).toContain('Không hiểu loại hình "Nơi khác"');
    // The establish row keeps its name from the unit column when "Tên mới" is empty.
    expect(rows[1]).toMatchObject({ name: 'Chi bộ Trường Mầm non', setting: 'school', parentId: 'kl.du' });
  });

  it('refuses hostile text in a cell like any input: bidi overrides, invisible characters, Cyrillic look-alikes, formulas', () => {
    const { problems } = readItemRows(
      [
        rec(1, 'Tổ chức đảng', 'Tên mới'),
        rec(2, 'kl.tdp6', 'Chi bộ \u202Eabc'),
        rec(3, 'kl.tdp7', 'Chi\u200B bộ 2'),
        rec(4, 'kl.du', 'Сhi bộ 3'),
        rec(5, 'kl.a1', '=HYPERLINK("http://x","Chi bộ")'),
      ],
      units,
    );

    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'newName'],
      [3, 'newName'],
      [4, 'newName'],
      [5, 'newName'],
    ]);
    expect(problems[3]!.reason).toContain('công thức Excel');
    expect(problems[0]!.reason).toContain('đảo chiều');
    expect(problems[2]!.reason).toContain('Kirin');
  });

  it('given a header row without a unit column, then the header is named', () => {
    const { problems } = readItemRows([rec(1, 'Tên mới', 'Bí thư'), rec(2, 'A', 'B')], units);
    expect(problems[0]).toMatchObject({ line: 1, column: 'header' });
    expect(describeRowProblem(problems[0]!).vi).toMatch(/^Dòng tiêu đề: Thiếu cột "Tổ chức đảng"/);
  });

  it('given no header, then the columns are unit and new name, and the default kind applies', () => {
    const { rows } = readItemRows([rec(1, 'kl.tdp6', 'Chi bộ 34')], units);
    expect(rows.map(rowToItem)).toEqual([{ kind: 'rename', unitId: 'kl.tdp6', newName: 'Chi bộ 34' }]);
    expect(readItemRows([rec(1, 'kl.tdp6')], units, 'dissolve').rows.map(rowToItem)).toEqual([
      { kind: 'dissolve', unitId: 'kl.tdp6' },
    ]);
  });

  it('splits pasted text on tabs when there are any, else on ";", numbering the lines', () => {
    expect(splitPastedText('a\tb;c\r\n\r\n"d"\te')).toEqual([
      { line: 1, cells: ['a', 'b;c'] },
      { line: 3, cells: ['d', 'e'] },
    ]);
    expect(splitPastedText('a;b')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
  });
});
