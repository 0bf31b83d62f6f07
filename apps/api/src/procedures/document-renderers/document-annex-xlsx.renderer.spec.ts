import ExcelJS from 'exceljs';
import {
  composeDocument,
  documentModelFromText,
  documentModelText,
  fillPlaceholders,
} from '@kientoan/domain';
import { annexXlsx } from './document-annex-xlsx.renderer';

const renames = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    unitId: `u${i + 1}`,
    unitName: `Chi bộ Tổ dân phố số ${i + 101}`,
    article: `Đổi tên Chi bộ Tổ dân phố số ${i + 101} thành Chi bộ Tổ dân phố số ${i + 1}.`,
    announcement: '',
  }));

/** An issued collective decision read back from its text, as the API does. */
const issuedDecision = (units: number) => {
  const draft = composeDocument({
    type: 'QĐ',
    wardKind: 'phuong',
    wardName: 'Kim Liên',
    title: 'đổi tên các chi bộ tổ dân phố',
    sentences: renames(units),
    signedAt: new Date('2025-07-06T20:00:00Z'),
    draft: true,
  });
  const text = fillPlaceholders('QĐ', documentModelText(draft), {
    symbol: 'Số 12-QĐ/ĐU',
    resolutionSymbol: 'Số 05-NQ/ĐU',
    signedAt: new Date('2025-07-06T20:00:00Z'),
  });
  return documentModelFromText(text)!;
};

const readBack = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''))),
  );
  return { sheet, rows };
};

describe('a decision’s annex as .xlsx', () => {
  it('given a 70-unit collective decision, then the sheet holds its title, reference and every annex row as the model has them', async () => {
    const model = issuedDecision(70);
    const annex = model.annex!;

    const { sheet, rows } = await readBack((await annexXlsx(model))!);

    expect(sheet.name).toBe('Phụ lục');
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual([
      'DANH SÁCH',
      'các tổ chức đảng kiện toàn',
      '(Kèm theo Quyết định số 12-QĐ/ĐU, ngày 07 tháng 7 năm 2025 của Ban Thường vụ Đảng ủy phường Kim Liên)',
    ]);
    expect(rows.slice(3)).toEqual([[...annex.columns], ...annex.rows.map((r) => [...r])]);
    expect(rows).toHaveLength(3 + 1 + 70);
    expect(rows[4]).toEqual([
      '1',
      'Chi bộ Tổ dân phố số 101',
      'Đổi tên Chi bộ Tổ dân phố số 101 thành Chi bộ Tổ dân phố số 1.',
    ]);
    // The header row stays in view and repeats on every printed page.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup.printTitlesRow).toBe('5:5');
  });

  it('given a decision short enough to list its units in the articles, then there is no annex to export', async () => {
    expect(issuedDecision(3).annex).toBeUndefined();
    expect(await annexXlsx(issuedDecision(3))).toBeUndefined();
  });

  it('keeps a cell that looks like a formula as text (nothing in a decision runs in Excel)', async () => {
    const model = issuedDecision(6);
    const hostile = {
      ...model,
      annex: { ...model.annex!, rows: [['1', '=HYPERLINK("http://x","y")', '+1']] },
    };
    const { sheet } = await readBack((await annexXlsx(hostile))!);
    expect(sheet.getRow(6).getCell(2).value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.getRow(6).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});
