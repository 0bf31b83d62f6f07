/**
 * A decision's annex (the list of units of a collective decision) as an .xlsx workbook, built from the same
 * document model as the Word, PDF and HTML renderers (never re-derived from the registry or the items), so
 * the sheet lists exactly what the issued decision lists: its "DANH SÁCH" title, the "(Kèm theo Quyết định
 * số …)" line, then the annex table with its own columns.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '@kientoan/platform';
import type { DocumentAnnex, DocumentModel } from '@kientoan/domain';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Column widths (characters) that fit each column's longest cell, within reason. */
const widths = (annex: DocumentAnnex): number[] =>
  annex.columns.map((heading, i) =>
    Math.min(80, Math.max(6, heading.length + 2, ...annex.rows.map((r) => (r[i] ?? '').length + 2))),
  );

export const annexXlsx = async (doc: DocumentModel): Promise<Buffer | undefined> => {
  const { annex } = doc;
  if (!annex) return undefined;
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = doc.issuer.body;
  workbook.title = [...annex.title].join(' ');
  const sheet = workbook.addWorksheet('Phụ lục', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const span = Math.max(1, annex.columns.length);
  sheet.columns = widths(annex).map((width) => ({ width }));
  const banner = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, span);
    row.getCell(1).font = { name: 'Times New Roman', size: 13, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  for (const line of annex.title) banner(line, { bold: true });
  banner(annex.reference, { italic: true });
  sheet.addRow([]);
  const header = sheet.addRow([...annex.columns]);
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 13, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const cells of annex.rows) {
    const row = sheet.addRow([...cells]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: 'Times New Roman', size: 13 };
      cell.alignment = { vertical: 'top', wrapText: true, ...(column === 1 ? { horizontal: 'center' } : {}) };
      cell.border = BORDER;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
