import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isDomainError } from '@kientoan/domain';
import { cellText, decodeText, detectDelimiter, readSheet, sheetFormatOf } from './read-sheet';

const csv = (text: string) => Buffer.from(text, 'utf8');

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return `${error.code}/${error.kind}`;
    throw error;
  }
  return 'no error';
};

describe('reading a spreadsheet file', () => {
  it("given Excel's CSV UTF-8 (BOM, ';', CRLF, quoted cells), then every cell is read and rows keep Excel's numbers", async () => {
    const text =
      '\uFEFFTổ chức đảng;Tên mới\r\n"Chi bộ Tổ dân phố số 6";"Chi bộ ""Tổ 34""; khu A"\r\n\r\nChi bộ 7;"dòng 1\r\ndòng 2"\r\n';

    const records = await readSheet(csv(text), 'danh-sach.csv');

    expect(records).toEqual([
      { line: 1, cells: ['Tổ chức đảng', 'Tên mới'] },
      { line: 2, cells: ['Chi bộ Tổ dân phố số 6', 'Chi bộ "Tổ 34"; khu A'] },
      { line: 4, cells: ['Chi bộ 7', 'dòng 1\r\ndòng 2'] },
    ]);
  });

  it('given a comma-separated file, or a tab-separated one, then the separator is taken from the header row', async () => {
    expect(await readSheet(csv('Đơn vị,Tên mới\nA,"B, C"\n'), 'a.csv')).toEqual([
      { line: 1, cells: ['Đơn vị', 'Tên mới'] },
      { line: 2, cells: ['A', 'B, C'] },
    ]);
    expect(detectDelimiter('a\tb\tc;d')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('one column')).toBe(',');
  });

  it('given decomposed (NFD) Vietnamese, Windows-1258 or UTF-16 text, then cells come out in NFC', async () => {
    const nfd = 'Chi bộ'.normalize('NFD');
    expect((await readSheet(csv(`${nfd};x`), 'a.csv'))[0]?.cells[0]).toBe('Chi bộ');
    // Windows-1258 writes "ộ" as "ô" (0xF4) followed by the combining dot below (0xF2).
    expect(decodeText(Buffer.from([0x43, 0x68, 0x69, 0x20, 0x62, 0xf4, 0xf2])).normalize('NFC')).toBe(
      'Chi bộ',
    );
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Đơn vị\tTên mới\r\nA\tB', 'utf16le'),
    ]);
    expect(await readSheet(utf16, 'unicode.txt')).toEqual([
      { line: 1, cells: ['Đơn vị', 'Tên mới'] },
      { line: 2, cells: ['A', 'B'] },
    ]);
  });

  it('given an .xlsx made with exceljs, then the first visible sheet is read with numbers, formulas and rich text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ẩn', { state: 'hidden' }).addRow(['not this one']);
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Tổ chức đảng', 'Tên mới', 'Số']);
    sheet.addRow([
      'Chi bộ 6',
      { richText: [{ text: 'Chi bộ ' }, { text: 'Tổ 34', font: { bold: true } }] },
      34,
    ]);
    sheet.addRow([]);
    sheet.addRow(['Chi bộ 7', { formula: '"Chi bộ "&"35"', result: 'Chi bộ 35' }, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    expect(await readSheet(bytes, 'danh-sach.xlsx')).toEqual([
      { line: 1, cells: ['Tổ chức đảng', 'Tên mới', 'Số'] },
      { line: 2, cells: ['Chi bộ 6', 'Chi bộ Tổ 34', '34'] },
      { line: 4, cells: ['Chi bộ 7', 'Chi bộ 35'] },
    ]);
    expect(cellText(new Date(Date.UTC(2025, 6, 7)))).toBe('07/07/2025');
  });

  it('refuses what is not a spreadsheet (415), a damaged file (400), too many rows and zip bombs (413)', async () => {
    expect(await codeOf(readSheet(Buffer.from('%PDF-1.7'), 'x.pdf'))).toBe(
      'SHEET_UNSUPPORTED_TYPE/unsupported',
    );
    expect(await codeOf(readSheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]), 'cu.xls'))).toBe(
      'SHEET_OLD_EXCEL/unsupported',
    );
    expect(await codeOf(readSheet(Buffer.from('a\0b'), 'binary.csv'))).toBe(
      'SHEET_UNSUPPORTED_TYPE/unsupported',
    );
    expect(await codeOf(readSheet(Buffer.from('not a zip'), 'hong.xlsx'))).toBe('SHEET_UNREADABLE/invalid');
    expect(await codeOf(readSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'hong.xlsx'))).toBe(
      'SHEET_UNREADABLE/invalid',
    );
    expect(await codeOf(readSheet(csv('a;"b\n'), 'quote.csv'))).toBe('SHEET_UNREADABLE/invalid');
    const rows = Array.from({ length: 12 }, (_, i) => `r${i};x`).join('\n');
    expect(await codeOf(readSheet(csv(rows), 'many.csv', { maxRows: 11, maxUnpackedBytes: 1e6 }))).toBe(
      'SHEET_TOO_MANY_ROWS/too_large',
    );
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<x/>');
    bomb.file('xl/big.xml', 'a'.repeat(2_000_000));
    const packed = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(packed.length).toBeLessThan(50_000);
    expect(await codeOf(readSheet(packed, 'bomb.xlsx', { maxRows: 10, maxUnpackedBytes: 1_000_000 }))).toBe(
      'SHEET_TOO_LARGE/too_large',
    );
  });

  it('tells the format from the first bytes, not from the name alone', () => {
    expect(sheetFormatOf('a.csv', Buffer.from('x;y'))).toBe('csv');
    expect(sheetFormatOf('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(() => sheetFormatOf('a.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toThrow();
  });
});
