import { documentHtml } from './document-html';
import { documentModelFromText, documentModelText, issuerBodyLines } from './document-model';
import { documentSigner } from './document-signer';
import { fillPlaceholders } from './issued-text';
import { composeDocument } from './party-documents';

const renames = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    unitId: `u${i + 1}`,
    unitName: `Chi bộ Tổ dân phố số ${i + 1}`,
    article: `Đổi tên Chi bộ Tổ dân phố ${i + 101} thành Chi bộ Tổ dân phố số ${i + 1}.`,
    announcement: '',
  }));

const decisionDraft = (units: number) =>
  composeDocument({
    type: 'QĐ',
    wardKind: 'phuong',
    wardName: 'Kim Liên',
    title: 'đổi tên các chi bộ tổ dân phố',
    sentences: renames(units),
    signedAt: new Date('2025-07-06T20:00:00Z'),
    draft: true,
    signer: { fullName: 'Nguyễn Thị Minh Hạnh', deputy: false },
  });

const numbers = {
  symbol: 'Số 12-QĐ/ĐU',
  resolutionSymbol: 'Số 05-NQ/ĐU',
  signedAt: new Date('2025-07-06T20:00:00Z'), // 7 July in Hà Nội
};

describe('Document model', () => {
  it('given a decision covering 70 units, then the units are listed in an annex table and the issued text matches the golden file', () => {
    const issued = fillPlaceholders('QĐ', documentModelText(decisionDraft(70)), numbers);
    const model = documentModelFromText(issued)!;
    expect(model.annex?.rows).toHaveLength(70);
    expect(model.annex?.reference).toBe(
      '(Kèm theo Quyết định số 12-QĐ/ĐU, ngày 07 tháng 7 năm 2025 của Ban Thường vụ Đảng ủy phường Kim Liên)',
    );
    expect(model.articles[0]!.text).toContain('theo Danh sách kèm theo Quyết định này');
    expect(issued).toMatchSnapshot();
  });

  it('given a decision covering five units, then they are listed, indented, in Article 1 (no annex)', () => {
    const model = decisionDraft(5);
    expect(model.annex).toBeUndefined();
    expect(model.articles.filter((a) => a.level === 1)).toHaveLength(5);
  });

  it('given an issued text, when read back and written again, then the text is the same (text ⇄ model)', () => {
    const issued = fillPlaceholders('QĐ', documentModelText(decisionDraft(8)), numbers);
    const model = documentModelFromText(issued)!;
    expect(documentModelText(model)).toBe(issued);
    expect(model).toMatchObject({
      issuer: {
        superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
        body: 'ĐẢNG ỦY PHƯỜNG KIM LIÊN',
        number: 'Số 12-QĐ/ĐU',
      },
      placeAndDate: 'Kim Liên, ngày 07 tháng 7 năm 2025',
      draft: false,
      signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', signer: 'Nguyễn Thị Minh Hạnh' },
    });
  });

  it('given a note appended after the approved text, then it is read as a note, not as the signature', () => {
    const issued = `${fillPlaceholders('QĐ', documentModelText(decisionDraft(1)), numbers)}\n\nGhi chú: hiệu lực dời.`;
    const model = documentModelFromText(issued)!;
    expect(model.notes).toEqual(['Ghi chú: hiệu lực dời.']);
    expect(model.signature.signer).toBe('Nguyễn Thị Minh Hạnh');
  });

  it('given no secretary in the registry, then a deputy signs "K/T BÍ THƯ / PHÓ BÍ THƯ"; given none, the name is blank', () => {
    expect(documentSigner([{ fullName: 'Trần Văn B', position: 'Phó Bí thư' }])).toEqual({
      fullName: 'Trần Văn B',
      deputy: true,
    });
    expect(documentSigner([{ fullName: 'Lê C', position: 'Ủy viên Ban Thường vụ' }])).toBeUndefined();
    const doc = composeDocument({
      type: 'NQ',
      wardKind: 'xa',
      wardName: 'Đan Phượng',
      title: 'x',
      sentences: renames(1),
      signedAt: new Date(0),
      draft: true,
      signer: { fullName: 'Trần Văn B', deputy: true },
    });
    expect(doc.signature).toEqual({ authority: 'K/T BÍ THƯ', position: 'PHÓ BÍ THƯ', signer: 'Trần Văn B' });
  });

  it('given the model, then the HTML keeps the issuer lines unbroken, indents listed items and tables the annex', () => {
    const html = documentHtml(documentModelFromText(documentModelText(decisionDraft(8)))!, 'T');
    expect(html).toContain('.issuer .superior, .nation .name, .keep { white-space: nowrap; }');
    expect(html).toContain(
      '<div class="body"><span class="keep">ĐẢNG ỦY PHƯỜNG</span> <span class="keep">KIM LIÊN</span></div>',
    );
    expect(html).toContain(
      '<div class="date"><span class="keep">Kim Liên,</span> <span class="keep">[[ngày ký]]</span></div>',
    );
    expect(html.match(/<tr>/g)).toHaveLength(9);
    expect(html).toContain('<div class="signer">Nguyễn Thị Minh Hạnh</div>');
  });

  it('given a long ward name, then the issuing body breaks before the name, never inside it', () => {
    expect(issuerBodyLines('ĐẢNG ỦY PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM')).toEqual([
      'ĐẢNG ỦY PHƯỜNG',
      'VĂN MIẾU - QUỐC TỬ GIÁM',
    ]);
    expect(issuerBodyLines('ĐẢNG ỦY XÃ ĐAN PHƯỢNG')).toEqual(['ĐẢNG ỦY XÃ', 'ĐAN PHƯỢNG']);
  });
});
