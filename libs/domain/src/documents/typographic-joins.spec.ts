import { NO_BREAK_SPACE as J, withTitleTail, withTypographicJoins } from './typographic-joins';

describe('Typographic joins (no-break spaces where Vietnamese typography keeps words together)', () => {
  it.each([
    [
      'về việc chỉ định Ban Chi ủy Chi bộ Khu tập thể Kim Liên 8',
      `về việc chỉ định Ban Chi ủy Chi bộ Khu tập thể Kim Liên${J}8`,
    ],
    [
      'Căn cứ Nghị quyết số 01-NQ/ĐU, ngày 07/7/2025 của',
      `Căn cứ Nghị quyết số${J}01-NQ/ĐU, ngày${J}07/7/2025 của`,
    ],
    ['có hiệu lực kể từ ngày 07 tháng 7 năm 2025.', `có hiệu lực kể từ ngày${J}07 tháng${J}7 năm${J}2025.`],
    ['nhiệm kỳ 2025 - 2030;', `nhiệm kỳ${J}2025${J}-${J}2030;`],
    [
      'Điều 1. Thành lập Chi bộ Tổ dân phố số 34 gồm 8 đảng viên',
      `Điều${J}1. Thành lập Chi bộ Tổ dân phố số${J}34 gồm 8${J}đảng viên`,
    ],
    ['đổi tên 70 chi bộ', `đổi tên 70${J}chi bộ`],
    ['Chi bộ Khu 8A', `Chi bộ Khu${J}8A`],
    ['trong 3 năm', `trong 3${J}năm`],
  ])('given "%s", then the numbers stay with their words', (text, joined) => {
    expect(withTypographicJoins(text)).toBe(joined);
  });

  it('given text without numbers, or a number after punctuation, then nothing changes', () => {
    expect(withTypographicJoins('Văn phòng Đảng ủy, các chi bộ thi hành.')).toBe(
      'Văn phòng Đảng ủy, các chi bộ thi hành.',
    );
    expect(withTypographicJoins('- 3 chi bộ')).toBe(`- 3${J}chi bộ`);
    expect(withTypographicJoins('(2) năm')).toBe('(2) năm');
  });

  it('changes only spaces: with the joins read back as spaces, the text is the same', () => {
    const text = 'Điều 2. Quyết định có hiệu lực kể từ ngày 07 tháng 7 năm 2025, nhiệm kỳ 2025 - 2030.';
    expect(withTypographicJoins(text).replaceAll(J, ' ')).toBe(text);
  });

  it('keeps the last three words of a long title together, and leaves a short one alone', () => {
    expect(
      withTitleTail(
        withTypographicJoins('về việc chỉ định Ban Chi ủy, Bí thư, Phó Bí thư Chi bộ Khu tập thể Kim Liên 8'),
      ),
    ).toBe(`về việc chỉ định Ban Chi ủy, Bí thư, Phó Bí thư Chi bộ Khu tập thể Kim${J}Liên${J}8`);
    expect(withTitleTail('về việc đổi tên chi bộ')).toBe('về việc đổi tên chi bộ');
  });
});
