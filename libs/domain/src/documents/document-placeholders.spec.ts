import { PLACEHOLDERS, draftProblems, placeholderProblems } from './document-placeholders';
import { fillPlaceholders } from './issued-text';
import { composeDocument, documentText } from './party-documents';

const draftOf = (type: 'NQ' | 'QĐ') =>
  documentText(
    composeDocument({
      type,
      wardKind: 'phuong',
      wardName: 'Ô Chợ Dừa',
      title: 'đổi tên chi bộ tổ dân phố',
      sentences: [
        {
          unitId: 'u1',
          unitName: 'Chi bộ Tổ dân phố số 34',
          article: 'Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.',
          announcement: '',
        },
      ],
      signedAt: new Date('2025-07-01T00:00:00Z'),
      draft: true,
    }),
  );

describe('Blanks of a draft', () => {
  it('given a generated draft, then it has every blank the issue step fills', () => {
    expect(placeholderProblems('NQ', draftOf('NQ'))).toEqual([]);
    expect(placeholderProblems('QĐ', draftOf('QĐ'))).toEqual([]);
  });

  it('given an edit that removed the number, then the problem names the blank in Vietnamese', () => {
    const edited = draftOf('QĐ').replace(PLACEHOLDERS.number, 'Số 12-QĐ/ĐU');
    expect(placeholderProblems('QĐ', edited)).toEqual([
      'Dự thảo quyết định phải giữ nguyên chỗ trống [[số văn bản]] (số văn bản được điền khi ban hành).',
    ]);
  });

  it('given a mistyped blank, then it is refused as unknown', () => {
    const edited = draftOf('NQ').replace(PLACEHOLDERS.signingDate, '[[ngay ky]] [[ngày ký]]');
    expect(placeholderProblems('NQ', edited)).toEqual([expect.stringContaining('không hợp lệ [[ngay ky]]')]);
  });

  it('given a submission, then problems are named per field; fields not sent are not checked', () => {
    expect(draftProblems({ decisionBody: 'không có chỗ trống' }).map((p) => p.field)).toEqual([
      'decisionBody',
      'decisionBody',
      'decisionBody',
    ]);
    expect(draftProblems({})).toEqual([]);
  });

  it('given a decision of the set edited by position without its signing-date blank, then the problem names that decision', () => {
    const decision = draftOf('QĐ');
    expect(
      draftProblems({
        documents: [
          { position: 1, body: decision },
          { position: 2, body: decision.replaceAll(PLACEHOLDERS.signingDate, '07/7/2025') },
        ],
      }).map((p) => p.field),
    ).toEqual(['documents[1].body']);
  });
});

describe('fillPlaceholders', () => {
  const numbers = {
    symbol: 'Số 12-QĐ/ĐU',
    resolutionSymbol: 'Số 5-NQ/ĐU',
    signedAt: new Date('2025-07-06T20:00:00Z'), // 7 July in Hà Nội
  };

  it('given an edited draft, then only the blanks and the draft mark change, every other word stays', () => {
    const edited = draftOf('QĐ').replace('Điều 3.', 'Điều 3. (đã sửa theo ý kiến Ban Thường vụ)');
    const issued = fillPlaceholders('QĐ', edited, numbers);
    expect(issued).toContain('Điều 3. (đã sửa theo ý kiến Ban Thường vụ)');
    expect(issued).toContain('\nSố 12-QĐ/ĐU\n');
    expect(issued).toContain('Ô Chợ Dừa, ngày 07 tháng 7 năm 2025');
    expect(issued).toContain('- Căn cứ Nghị quyết số 5-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ');
    expect(issued).toContain('có hiệu lực kể từ ngày 07 tháng 7 năm 2025.');
    expect(issued).not.toContain('DỰ THẢO');
    expect(issued).not.toContain('[[');
    const unchanged = (text: string) =>
      text.split('\n').filter((l) => !/DỰ THẢO|\[\[|Số 12-QĐ|ngày 07 tháng 7 |số 5-NQ/.test(l));
    expect(unchanged(issued)).toEqual(unchanged(edited));
  });

  it('given a draft made before the congress closed and signed after it, when it is issued in the new term, then its working rules name that term and nothing else moves', () => {
    // Made on 1/7/2025 by the appointed committee: "nhiệm kỳ 2025 - 2030" (APPOINTED_COMMITTEE_TERM).
    const draft = draftOf('QĐ');
    expect(draft).toContain(
      'Quy chế làm việc của Ban Chấp hành Đảng bộ phường Ô Chợ Dừa nhiệm kỳ 2025 - 2030;',
    );
    const issued = fillPlaceholders('QĐ', draft, { ...numbers, termYears: { from: 2030, to: 2035 } });
    expect(issued).toContain(
      '- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường Ô Chợ Dừa nhiệm kỳ 2030 - 2035;',
    );
    expect(issued).not.toContain('2025 - 2030');
    const otherLines = (text: string) => text.split('\n').filter((l) => !l.includes('Quy chế làm việc'));
    expect(otherLines(issued)).toEqual(otherLines(fillPlaceholders('QĐ', draft, numbers)));
  });

  it('given an edit that dropped the working rules from the grounds, when issued with a term, then nothing is added', () => {
    const edited = draftOf('NQ')
      .split('\n')
      .filter((l) => !l.includes('Quy chế làm việc'))
      .join('\n');
    const issued = fillPlaceholders('NQ', edited, { ...numbers, termYears: { from: 2030, to: 2035 } });
    expect(issued).not.toContain('nhiệm kỳ');
  });

  it('given a text without its blanks, then it refuses to fill it', () => {
    expect(() => fillPlaceholders('NQ', 'Nghị quyết', numbers)).toThrow(RangeError);
  });
});
