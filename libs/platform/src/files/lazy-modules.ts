/**
 * Libraries only a download or an upload needs (ExcelJS alone is ~1 s of the API's start-up on a loaded 2-core
 * machine): loaded on first use, once, instead of when the process starts.
 */
import type ExcelJSModule from 'exceljs';
import type PDFKitModule from 'pdfkit';

let excel: Promise<typeof ExcelJSModule> | undefined;
let pdfkit: Promise<typeof PDFKitModule> | undefined;

export const loadExcelJs = (): Promise<typeof ExcelJSModule> =>
  (excel ??= import('exceljs').then((m) => m.default));

export const loadPdfKit = (): Promise<typeof PDFKitModule> =>
  (pdfkit ??= import('pdfkit').then((m) => m.default));
