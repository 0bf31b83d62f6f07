/** One issued document in a download format: its bytes, content type and file name. */
import JSZip from 'jszip';
import { type DocumentModel, documentHtml, documentModelFromText } from '@kientoan/domain';
import { documentDocx } from './document-docx.renderer';
import { documentPdf } from './document-pdf.renderer';

export type FileFormat = 'html' | 'text' | 'docx' | 'pdf';

export interface DocumentFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const EXTENSIONS: Readonly<Record<FileFormat, string>> = {
  html: 'html',
  text: 'txt',
  docx: 'docx',
  pdf: 'pdf',
};

/** "Số 1-QĐ/ĐU" → "1-QĐ-ĐU.pdf" (no slash in a file name; the UTF-8 name is sent as filename*). */
export const documentFileName = (symbol: string, format: FileFormat) =>
  `${symbol.replace(/^Số\s*/i, '').replaceAll('/', '-')}.${EXTENSIONS[format]}`;

/**
 * Renders an issued text. Word and PDF need the text's structure (the model); a text edited out of shape
 * is offered as HTML and plain text only (undefined here).
 */
export const renderDocument = async (
  issued: { readonly text: string; readonly html: string; readonly symbol: string; readonly title: string },
  format: FileFormat,
): Promise<DocumentFile | undefined> => {
  const file = (body: Buffer) => ({
    body,
    contentType: CONTENT_TYPES[format],
    fileName: documentFileName(issued.symbol, format),
  });
  if (format === 'text') return file(Buffer.from(issued.text, 'utf8'));
  const model: DocumentModel | undefined = documentModelFromText(issued.text);
  if (format === 'html')
    return file(Buffer.from(model ? documentHtml(model, issued.title) : issued.html, 'utf8'));
  if (!model) return undefined;
  return file(format === 'docx' ? await documentDocx(model) : await documentPdf(model, issued.title));
};

/** A zip of documents for printing at the ceremony: each in PDF and in Word. */
export const documentBundle = async (
  documents: readonly {
    readonly text: string;
    readonly html: string;
    readonly symbol: string;
    readonly title: string;
  }[],
): Promise<Buffer> => {
  const zip = new JSZip();
  for (const doc of documents)
    for (const format of ['pdf', 'docx', 'html'] as const) {
      const file = await renderDocument(doc, format);
      if (file) zip.file(file.fileName, file.body);
    }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};
