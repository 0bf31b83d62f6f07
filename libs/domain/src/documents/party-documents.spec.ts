import { documentHtml, documentHtmlFromText } from './document-html';
import { termYearsOn } from './committee-term';
import { composeDocument, documentFromText, documentText, placeName } from './party-documents';

const sentences = [
  {
    unitId: 'u1',
    unitName: 'Chi bộ Tổ dân phố số 34',
    article: 'Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.',
    announcement: 'Chi bộ Tổ dân phố số 34 là tên mới của Chi bộ Tổ dân phố số 6.',
  },
];

describe('Party documents', () => {
  it('lays out a decision with issuer, number, place and date, grounds, articles, effective date and recipients', () => {
    const text = documentText(
      composeDocument({
        type: 'QĐ',
        wardKind: 'phuong',
        wardName: 'Ô Chợ Dừa',
        title: 'đổi tên chi bộ tổ dân phố',
        sentences,
        signedAt: new Date('2025-07-06T20:00:00Z'),
        effectiveDate: '2025-07-07',
        symbol: 'Số 12-QĐ/ĐU',
        resolutionSymbol: 'Số 5-NQ/ĐU',
      }),
    );
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG Ô CHỢ DỪA');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Số 12-QĐ/ĐU');
    expect(text).toContain('Ô Chợ Dừa, ngày 07 tháng 7 năm 2025');
    expect(text).toContain(
      '- Căn cứ Nghị quyết số 5-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ Đảng ủy phường Ô Chợ Dừa;',
    );
    expect(text).toContain('Điều 1. Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.');
    expect(text).toContain('Điều 2. Quyết định có hiệu lực kể từ ngày 07 tháng 7 năm 2025.');
    expect(text).toContain('Nơi nhận:');
  });

  it('marks a draft and leaves blanks for its number and signing date', () => {
    const doc = composeDocument({
      type: 'NQ',
      wardKind: 'xa',
      wardName: 'Phúc Lộc',
      title: 'x',
      sentences,
      signedAt: new Date(0),
      effectiveDate: '2025-07-07',
      draft: true,
    });
    expect(doc.draft).toBe(true);
    expect(documentText(doc)).toContain('\nDỰ THẢO\n');
    expect(doc.issuer.number).toBe('[[số văn bản]]');
    expect(doc.placeAndDate).toBe('Phúc Lộc, [[ngày ký]]');
  });

  it('given a draft decision without an effective date, then it cites a blank resolution number and takes effect on signing', () => {
    const text = documentText(
      composeDocument({
        type: 'QĐ',
        wardKind: 'phuong',
        wardName: 'Ô Chợ Dừa',
        title: 'x',
        sentences,
        signedAt: new Date(0),
        draft: true,
      }),
    );
    expect(text).toContain(
      '- Căn cứ Nghị quyết [[số nghị quyết]] của Ban Thường vụ Đảng ủy phường Ô Chợ Dừa;',
    );
    expect(text).toContain('Điều 2. Quyết định có hiệu lực kể từ [[ngày ký]].');
  });

  it('given a document text, when read back, then it has the same layout; an edited text that lost its shape prints line by line', () => {
    const doc = composeDocument({
      type: 'QĐ',
      wardKind: 'phuong',
      wardName: 'Ô Chợ Dừa',
      title: 'x',
      sentences: [sentences[0]!, { ...sentences[0]!, article: 'Giải thể Chi bộ 9.' }],
      signedAt: new Date(0),
      effectiveDate: '2025-07-07',
      symbol: 'Số 12-QĐ/ĐU',
      resolutionSymbol: 'Số 5-NQ/ĐU',
    });
    expect(documentFromText(documentText(doc))).toEqual(doc);
    expect(documentFromText('chỉ một dòng')).toBeUndefined();
    expect(documentHtmlFromText('chỉ <một> dòng', 'T')).toContain('<p>chỉ &lt;một&gt; dòng</p>');
  });

  it('renders printable HTML with escaped text and a print stylesheet', () => {
    const html = documentHtml(
      composeDocument({
        type: 'QĐ',
        wardKind: 'xa',
        wardName: 'A<b>',
        title: 't',
        sentences,
        signedAt: new Date(0),
        effectiveDate: '2025-07-07',
      }),
      'T',
    );
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('A&lt;B&gt;');
    expect(html).not.toContain('<b>');
  });

  it("given the ward's congresses naming another term, when a document is dated in it, then its grounds cite the working rules of that term; before the first congress, the appointed committee's", () => {
    const congresses = [
      { name: 'Đại hội Đảng bộ phường Ô Chợ Dừa lần thứ Nhất, nhiệm kỳ 2025 - 2030', closedOn: '2025-08-31' },
      { name: 'Đại hội Đảng bộ phường Ô Chợ Dừa lần thứ Hai, nhiệm kỳ 2030 - 2035', closedOn: '2030-08-15' },
    ];
    const groundOn = (day: string) =>
      documentText(
        composeDocument({
          type: 'QĐ',
          wardKind: 'phuong',
          wardName: 'Ô Chợ Dừa',
          title: 'x',
          sentences,
          signedAt: new Date(`${day}T02:00:00Z`),
          symbol: 'Số 01-QĐ/ĐU',
          resolutionSymbol: 'Số 01-NQ/ĐU',
          termYears: termYearsOn(congresses, day),
        }),
      )
        .split('\n')
        .find((l) => l.includes('Quy chế làm việc'));
    expect(groundOn('2030-08-16')).toBe(
      '- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường Ô Chợ Dừa nhiệm kỳ 2030 - 2035;',
    );
    expect(groundOn('2030-08-15')).toContain('nhiệm kỳ 2025 - 2030;');
    expect(groundOn('2025-07-07')).toContain('nhiệm kỳ 2025 - 2030;');
  });

  it('dates a document at the administrative unit where the issuer sits: the ward by its proper name, a numbered one in full', () => {
    expect(placeName('phuong', 'Kim Liên')).toBe('Kim Liên');
    expect(placeName('xa', 'Đan Phượng')).toBe('Đan Phượng');
    expect(placeName('phuong', '5')).toBe('Phường 5');
  });
});
