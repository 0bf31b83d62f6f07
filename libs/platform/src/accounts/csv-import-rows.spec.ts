import { parseAccountImport, parseMemberImport } from './csv-import';

describe('reading an import file row by row (for a background import job)', () => {
  it('given good and bad account rows, then each row carries its own problems and line', () => {
    // given
    const csv = [
      'ten_dang_nhap,ho_ten,vai_tro,ma_uy_vien',
      'an-nguyen,An Nguyễn,secretary@phuong-a,',
      ',Không tên,,',
      'an-nguyen,Trùng tên,,',
      'binh,Bình,,btv-1',
      'chau,Châu,,btv-1',
    ].join('\n');
    // when
    const parsed = parseAccountImport(csv);
    // then
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.problems.map((p) => p.field)])).toEqual([
      [2, []],
      [3, ['username']],
      [4, ['username']],
      [5, []],
      [6, ['memberId']],
    ]);
    expect(parsed.rows[0]?.input).toMatchObject({
      username: 'an-nguyen',
      wardRoles: [{ wardCode: 'phuong-a', role: 'secretary' }],
    });
    expect(parsed.rows[1]?.input).toBeUndefined();
    expect(parsed.rows[2]?.problems[0]?.message).toBe('Tên đăng nhập "an-nguyen" trùng với dòng 2.');
  });

  it('given a committee file with a missing column and repeated ids, then the file and the rows are named', () => {
    // given
    const csv = [
      'ma_xa,ho_ten,chuc_vu,tu_ngay,ma,cot_la',
      'phuong-a,Lê Văn A,Ủy viên,2025-07-01,phuong-a-btv-1,x',
      'phuong-a,Đỗ Thị B,Ủy viên,2025-07-01,phuong-a-btv-1,x',
      ',Không xã,Ủy viên,2025-07-01,,x',
    ].join('\n');
    // when
    const parsed = parseMemberImport(csv);
    // then
    expect(parsed.fileProblems.map((p) => [p.line, p.field])).toEqual([[1, 'cot_la']]);
    expect(parsed.rows.map((r) => r.problems.map((p) => p.field))).toEqual([[], ['id'], ['wardCode']]);
    expect(parsed.rows[2]?.input).toBeUndefined();
  });

  it('given an empty file, then the file problem says so and there are no rows', () => {
    expect(parseAccountImport('')).toEqual({
      fileProblems: [expect.objectContaining({ line: 0, message: 'Tệp trống.' })],
      rows: [],
    });
  });
});
