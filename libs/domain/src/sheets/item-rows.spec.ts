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
        rec(6, 'kl.tdp7', 'Chi bộ 41', 'Sáp nhập'),
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
