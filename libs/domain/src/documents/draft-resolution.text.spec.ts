import { renderDraftResolution } from './draft-resolution.text';

describe('draft resolution text', () => {
  it('uses the Party document layout with the issuing body, the date in Vietnam and the title', () => {
    const text = renderDraftResolution({
      wardKind: 'phuong',
      wardName: 'Kim Liên',
      kind: 'rename',
      title: 'Đổi tên 70 chi bộ tổ dân phố',
      date: new Date('2025-07-06T18:30:00Z'),
    });
    expect(text.split('\n').slice(0, 5)).toEqual([
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'ĐẢNG ỦY PHƯỜNG KIM LIÊN',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày 07 tháng 07 năm 2025',
    ]);
    expect(text).toContain('về việc đổi tên: Đổi tên 70 chi bộ tổ dân phố');
  });
});
