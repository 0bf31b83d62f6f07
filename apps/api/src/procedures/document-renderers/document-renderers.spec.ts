import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { execFileSync } from 'node:child_process';
import {
  composeDocument,
  documentModelFromText,
  documentModelText,
  fillPlaceholders,
} from '@kientoan/domain';
import { documentDocx } from './document-docx.renderer';
import { documentBundle, documentFileName } from './document-files';
import { documentPdf } from './document-pdf.renderer';

const GOLDEN = path.join(__dirname, '__golden__');
const ARTIFACTS = path.join(__dirname, '../../../../../test-results/documents');

/** Compares with the golden file (UPDATE_FIXTURES=1 rewrites it after a deliberate change of layout). */
const expectGolden = (name: string, actual: string) => {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
};

const renames = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    unitId: `u${i + 1}`,
    unitName: `Chi bộ Tổ dân phố số ${i + 1}`,
    article: `Đổi tên Chi bộ Tổ dân phố ${i + 101} thành Chi bộ Tổ dân phố số ${i + 1}.`,
    announcement: '',
  }));

/** An issued decision: the generated draft with only the number and the date filled. */
const issued = (type: 'NQ' | 'QĐ', units: number) => {
  const draft = composeDocument({
    type,
    wardKind: 'phuong',
    wardName: 'Kim Liên',
    title: 'đổi tên các chi bộ tổ dân phố',
    sentences: renames(units),
    signedAt: new Date('2025-07-06T20:00:00Z'),
    effectiveDate: '2025-07-07',
    draft: true,
    signer: { fullName: 'Nguyễn Thị Minh Hạnh', deputy: false },
  });
  const text = fillPlaceholders(type, documentModelText(draft), {
    symbol: type === 'QĐ' ? 'Số 12-QĐ/ĐU' : 'Số 05-NQ/ĐU',
    resolutionSymbol: 'Số 05-NQ/ĐU',
    signedAt: new Date('2025-07-06T20:00:00Z'),
  });
  return text;
};

const PDF_TOOL = path.join(__dirname, '../../../../../test/support/pdf-tool.mjs');
/** pdf-parse in a child process (see pdf-tool.mjs). */
const pdfTool = (...args: string[]) =>
  execFileSync(process.execPath, [PDF_TOOL, ...args], { encoding: 'utf8' });
const pdfText = (pdf: Buffer) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'extracted.pdf');
  fs.writeFileSync(file, pdf);
  return pdfTool('text', file);
};

const docxText = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;

// Embedding and subsetting the font takes seconds per PDF on a busy machine.
jest.setTimeout(60_000);

describe('Document renderers', () => {
  it('given an issued decision with a 70-row annex, then the Word file has its text (golden) in Times New Roman on A4', async () => {
    const docx = await documentDocx(documentModelFromText(issued('QĐ', 70))!);
    const text = await docxText(docx);
    expectGolden('decision-annex.docx.txt', text);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:w="11907" w:h="16840"');
    expect(await (await JSZip.loadAsync(docx)).file('word/styles.xml')!.async('string')).toContain(
      'Times New Roman',
    );
  });

  it('given an issued decision with a 70-row annex, then the PDF embeds the font and has its text (golden)', async () => {
    const pdf = await documentPdf(documentModelFromText(issued('QĐ', 70))!, 'Số 12-QĐ/ĐU');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Tinos');
    const text = pdfText(pdf);
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG KIM LIÊN');
    expect(text).toContain('Kim Liên, ngày 07 tháng 7 năm 2025');
    expect(text).toContain('Nguyễn Thị Minh Hạnh');
    expect(text).toContain('Chi bộ Tổ dân phố số 70');
    expectGolden('decision-annex.pdf.txt', text);
  });

  it('renders one page of each kind (resolution, decision, annex) to PNG under test-results/ for a person to look at', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, text] of [
      ['resolution', issued('NQ', 3)],
      ['decision-annex', issued('QĐ', 70)],
    ] as const) {
      const pdf = await documentPdf(documentModelFromText(text)!, name);
      fs.writeFileSync(path.join(ARTIFACTS, `${name}.pdf`), pdf);
      const file = path.join(ARTIFACTS, `${name}.pdf`);
      const pages = Number(pdfTool('png', file, path.join(ARTIFACTS, name)));
      expect(pages).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(ARTIFACTS, `${name}-page-1.png`))).toBe(true);
    }
  });

  it('given the documents of a procedure, then the bundle holds each as PDF, Word and HTML, named by number', async () => {
    const docs = [
      { text: issued('NQ', 3), html: '', symbol: 'Số 05-NQ/ĐU', title: 'NQ' },
      { text: issued('QĐ', 3), html: '', symbol: 'Số 12-QĐ/ĐU', title: 'QĐ' },
    ];
    const zip = await JSZip.loadAsync(await documentBundle(docs));
    expect(Object.keys(zip.files).sort()).toEqual([
      '05-NQ-ĐU.docx',
      '05-NQ-ĐU.html',
      '05-NQ-ĐU.pdf',
      '12-QĐ-ĐU.docx',
      '12-QĐ-ĐU.html',
      '12-QĐ-ĐU.pdf',
    ]);
    expect(documentFileName('Số 1-QĐ/ĐU', 'docx')).toBe('1-QĐ-ĐU.docx');
  });
});
