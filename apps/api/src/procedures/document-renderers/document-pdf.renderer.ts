/**
 * The document model as PDF, drawn with pdfkit and the Tinos font (metric-compatible with Times New Roman,
 * full Vietnamese coverage) shipped in an npm package and embedded in the file: the same output on any
 * machine, no browser needed on the server. A4, margins 20/15/20/30 mm, 14 pt.
 */
import { loadPdfKit } from '@kientoan/platform';
import {
  DRAFT_MARK,
  type DocumentModel,
  NATION_HEADING,
  issuerBodyLines,
  typesetModel,
} from '@kientoan/domain';

const FONTS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;
type Face = keyof typeof FONTS;

const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const PAGE = { width: mm(210), height: mm(297) };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

type Pdf = PDFKit.PDFDocument;

const write = (
  pdf: Pdf,
  text: string,
  at: { x: number; width: number; y?: number },
  style: {
    face?: Face;
    size?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    indent?: number;
  } = {},
) => {
  pdf.font(style.face ?? 'regular').fontSize(style.size ?? 14);
  pdf.text(text, at.x, at.y ?? pdf.y, {
    width: at.width,
    align: style.align ?? 'justify',
    indent: style.indent ?? 0,
    lineGap: 1,
  });
};

const annexTable = (pdf: Pdf, annex: NonNullable<DocumentModel['annex']>) => {
  const widths = [mm(12), mm(60), WIDTH - mm(72)];
  const pad = 3;
  const row = (cells: readonly string[], header: boolean) => {
    pdf.font(header ? 'bold' : 'regular').fontSize(13);
    const height =
      Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (pdf.y + height > BOTTOM) pdf.addPage();
    const top = pdf.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      pdf.rect(x, top, widths[i]!, height).stroke();
      pdf.text(c, x + pad, top + pad, {
        width: widths[i]! - 2 * pad,
        align: header || i === 0 ? 'center' : 'left',
      });
      x += widths[i]!;
    });
    pdf.x = MARGIN.left;
    pdf.y = top + height;
  };
  row(annex.columns, true);
  for (const r of annex.rows) row(r, false);
};

export const documentPdf = async (approved: DocumentModel, title: string): Promise<Buffer> => {
  const PDFDocument = await loadPdfKit();
  // Numbers kept with their words (no "8" alone on a line): no-break spaces in the running text.
  const doc = typesetModel(approved);
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: title }, autoFirstPage: true });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    for (const [face, file] of Object.entries(FONTS)) pdf.registerFont(face, file);

    // Issuer block (left) and national heading with place and date (right).
    const left = { x: MARGIN.left, width: mm(72) };
    const right = { x: MARGIN.left + mm(72), width: WIDTH - mm(72) };
    const top = MARGIN.top;
    write(pdf, doc.issuer.superior, { ...left, y: top }, { size: 13, align: 'center' });
    // On one line when it fits; else broken before the ward's name, never inside it.
    pdf.font('bold').fontSize(14);
    const bodyLines =
      pdf.widthOfString(doc.issuer.body) <= left.width ? [doc.issuer.body] : issuerBodyLines(doc.issuer.body);
    for (const l of bodyLines) write(pdf, l, left, { face: 'bold', align: 'center' });
    write(pdf, '*', left, { align: 'center' });
    write(pdf, doc.issuer.number, left, { align: 'center' });
    const leftEnd = pdf.y;
    write(pdf, NATION_HEADING, { ...right, y: top }, { face: 'bold', size: 15, align: 'center' });
    const ruleY = pdf.y + 1;
    pdf
      .moveTo(right.x + right.width * 0.2, ruleY)
      .lineTo(right.x + right.width * 0.8, ruleY)
      .lineWidth(0.6)
      .stroke();
    pdf.y = ruleY + 4;
    // A long place goes on its own line, so the date is never broken.
    pdf.font('italic').fontSize(14);
    const comma = doc.placeAndDate.indexOf(', ');
    const dateLines =
      pdf.widthOfString(doc.placeAndDate) <= right.width || comma < 0
        ? [doc.placeAndDate]
        : [doc.placeAndDate.slice(0, comma + 1), doc.placeAndDate.slice(comma + 2)];
    for (const l of dateLines) write(pdf, l, right, { face: 'italic', align: 'center' });
    pdf.y = Math.max(leftEnd, pdf.y) + 14;

    const full = { x: MARGIN.left, width: WIDTH };
    if (doc.draft) write(pdf, DRAFT_MARK, full, { face: 'bold', align: 'center' });
    write(pdf, doc.typeName, full, { face: 'bold', size: 15, align: 'center' });
    write(pdf, doc.summary, full, { face: 'bold', align: 'center' });
    pdf.moveDown(0.6);
    for (const g of doc.grounds) write(pdf, g, full, { indent: mm(10) });
    pdf.moveDown(0.4);
    write(pdf, doc.enacting, full, { face: 'bold', align: 'center' });
    pdf.moveDown(0.4);
    for (const a of doc.articles)
      write(pdf, a.text, a.level === 1 ? { x: MARGIN.left + mm(15), width: WIDTH - mm(15) } : full, {
        indent: a.level === 1 ? 0 : mm(10),
      });
    pdf.moveDown(0.8);

    // "Nơi nhận" (left) and the signature block (right), with room for the signature and the seal.
    const footerHeight = mm(60);
    if (pdf.y + footerHeight > BOTTOM) pdf.addPage();
    const footerTop = pdf.y;
    const recipients = { x: MARGIN.left, width: mm(80) };
    const signature = { x: MARGIN.left + mm(80), width: WIDTH - mm(80) };
    write(pdf, 'Nơi nhận:', { ...recipients, y: footerTop }, { face: 'boldItalic', size: 12, align: 'left' });
    for (const r of doc.recipients) write(pdf, r, recipients, { size: 12, align: 'left' });
    const recipientsEnd = pdf.y;
    write(pdf, doc.signature.authority, { ...signature, y: footerTop }, { face: 'bold', align: 'center' });
    write(pdf, doc.signature.position, signature, { face: 'bold', align: 'center' });
    pdf.y += mm(25);
    write(pdf, doc.signature.signer ?? '', signature, { face: 'bold', align: 'center' });
    pdf.y = Math.max(recipientsEnd, pdf.y) + 10;
    for (const n of doc.notes) write(pdf, n, full, { face: 'italic', size: 12 });

    if (doc.annex) {
      pdf.addPage();
      for (const t of doc.annex.title) write(pdf, t, full, { face: 'bold', align: 'center' });
      write(pdf, doc.annex.reference, full, { face: 'italic', align: 'center' });
      pdf.moveDown(0.6);
      annexTable(pdf, doc.annex);
    }
    pdf.end();
  });
};
