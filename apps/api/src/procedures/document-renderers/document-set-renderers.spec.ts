/**
 * The documents of one set, each kind rendered as Word and PDF: the resolution, a founding decision, an
 * appointment decision and the collective decision with its annex. Golden files hold the text extracted from the
 * .docx (mammoth) and the PDF (pdf-parse); page 1 of each PDF is written as PNG under test-results/documents/set-*
 * for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { execFileSync } from 'node:child_process';
import {
  type RegistryUnit,
  type ResolutionItem,
  composeDocumentSet,
  documentModelFromText,
  documentModelText,
  fillPlaceholders,
  formatDocumentNumber,
  planProcedure,
  snapshotOf,
  termYearsOn,
} from '@kientoan/domain';
import { documentDocx } from './document-docx.renderer';
import { documentPdf } from './document-pdf.renderer';

const GOLDEN = path.join(__dirname, '__golden__');
const ARTIFACTS = path.join(__dirname, '../../../../../test-results/documents');
const PDF_TOOL = path.join(__dirname, '../../../../../test/support/pdf-tool.mjs');

const expectGolden = (name: string, actual: string) => {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
};
const pdfTool = (...args: string[]) =>
  execFileSync(process.execPath, [PDF_TOOL, ...args], { encoding: 'utf8' });

const unit = (id: string, name: string, over: Partial<RegistryUnit> = {}): RegistryUnit => ({
  id,
  wardCode: 'phuong-kim-lien',
  kind: 'grassroots_cell',
  setting: 'residential_group',
  name,
  parentId: 'ward',
  fullMembers: 12,
  status: 'active',
  officers: { secretary: null, deputies: [], committee: [] },
  ...over,
});

const snapshot = snapshotOf([
  unit('ward', 'Đảng bộ phường Kim Liên', {
    kind: 'ward_committee',
    setting: 'administrative',
    parentId: null,
    fullMembers: 3000,
  }),
  ...Array.from({ length: 8 }, (_, k) => unit(`tdp${k + 1}`, `Chi bộ Khu tập thể Kim Liên ${k + 1}`)),
]);

const items: ResolutionItem[] = [
  {
    kind: 'establish',
    name: 'Chi bộ Trạm Y tế phường',
    unitKind: 'grassroots_cell',
    setting: 'health_station',
    parentId: 'ward',
    fullMembers: 7,
  },
  {
    kind: 'appoint',
    unitId: 'tdp8',
    secretary: 'Lê Văn Thành',
    deputies: ['Trần Thị Hoa'],
    committee: ['Phạm Minh Đức'],
  },
  ...Array.from({ length: 7 }, (_, k): ResolutionItem => ({
    kind: 'rename',
    unitId: `tdp${k + 1}`,
    newName: `Chi bộ Tổ dân phố số ${k + 1}`,
  })),
];

const signedAt = new Date('2025-07-06T20:00:00Z'); // 07/7/2025 in Hà Nội
/** The ward's congresses as seeded: 07/7/2025 is before the first closes, the appointed committee's term. */
const congresses = [
  { name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Nhất, nhiệm kỳ 2025 - 2030', closedOn: '2025-08-31' },
];
const termYears = termYearsOn(congresses, '2025-07-07');

/** The set as issued: each draft text with only its numbers and the signing date filled. */
const issuedSet = () => {
  const plan = planProcedure(snapshot, items, { wardCode: 'phuong-kim-lien', procedureId: 'abcdef12-0000' });
  if (!plan.ok) throw new Error(JSON.stringify(plan.violations));
  const set = composeDocumentSet({
    wardKind: 'phuong',
    wardName: 'Kim Liên',
    title: 'kiện toàn các tổ chức đảng trực thuộc',
    changeSet: plan.changeSet,
    sentences: plan.sentences,
    signedAt,
    effectiveDate: '2025-07-07',
    signer: { fullName: 'Nguyễn Thị Minh Hạnh', deputy: false },
    termYears,
  });
  const resolutionSymbol = 'Số 01-NQ/ĐU';
  return {
    resolution: fillPlaceholders('NQ', documentModelText(set.resolution), {
      symbol: resolutionSymbol,
      signedAt,
      termYears,
    }),
    decisions: set.decisions.map((d, i) => ({
      purpose: d.purpose,
      text: fillPlaceholders('QĐ', documentModelText(d.model), {
        symbol: formatDocumentNumber(i + 1, 'QĐ'),
        resolutionSymbol,
        signedAt,
        termYears,
      }),
    })),
  };
};

jest.setTimeout(120_000);

describe('The documents of a set, in Word and PDF', () => {
  const set = issuedSet();
  const kinds = [
    ['resolution', set.resolution],
    ...set.decisions.map((d) => [d.purpose, d.text] as const),
  ] as const;

  it('given one establishment, one appointment and 7 renames, then the set is NQ, founding QĐ 01, appointment QĐ 02 and collective QĐ 03 with a 7-row annex', () => {
    expect(set.decisions.map((d) => d.purpose)).toEqual(['founding', 'appointment', 'collective']);
    expect(set.decisions[2]!.text).toContain('(Kèm theo Quyết định số 03-QĐ/ĐU, ngày 07 tháng 7 năm 2025');
    expect(documentModelFromText(set.decisions[2]!.text)?.annex?.rows).toHaveLength(7);
    for (const d of set.decisions)
      expect(d.text).toContain(
        '- Căn cứ Nghị quyết số 01-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ Đảng ủy phường Kim Liên;',
      );
  });

  it('given the appointment whose summary ends in "Kim Liên 8", then neither Word nor PDF leaves the number alone on a line (no-break joins)', async () => {
    const model = documentModelFromText(set.decisions[1]!.text)!;
    expect(model.summary).toMatch(/Kim Liên 8$/);
    const docx = (await mammoth.extractRawText({ buffer: await documentDocx(model) })).value;
    expect(docx).toContain('Kim\u00A0Liên\u00A08');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'orphan-check.pdf');
    fs.writeFileSync(file, await documentPdf(model, 'appointment'));
    const lines = pdfTool('text', file).split('\n');
    expect(lines.filter((l) => /^\s*8\s*$/.test(l))).toEqual([]);
    expect(lines).toContain('Kim Liên 8');
  });

  it.each(kinds)(
    'given the %s, then the text extracted from its Word file is the golden one',
    async (kind, text) => {
      const docx = await documentDocx(documentModelFromText(text)!);
      const extracted = (await mammoth.extractRawText({ buffer: docx })).value;
      expect(extracted).toContain('Nguyễn Thị Minh Hạnh');
      expectGolden(`set-${kind}.docx.txt`, extracted);
    },
  );

  it.each(kinds)(
    'given the %s, then the text extracted from its PDF is the golden one, and page 1 is kept as PNG',
    async (kind, text) => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `set-${kind}.pdf`);
      fs.writeFileSync(file, await documentPdf(documentModelFromText(text)!, kind));
      const extracted = pdfTool('text', file);
      expect(extracted).toContain('ĐẢNG ỦY PHƯỜNG KIM LIÊN');
      expectGolden(`set-${kind}.pdf.txt`, extracted);
      expect(Number(pdfTool('png', file, path.join(ARTIFACTS, `set-${kind}`)))).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(ARTIFACTS, `set-${kind}-page-1.png`))).toBe(true);
    },
  );
});
