/**
 * The document model as an editable Word file (offices finish and sign in Word): A4, margins 20/15/20/30 mm,
 * Times New Roman 14 pt; issuer block and national heading side by side in a borderless table (columns wide
 * enough that no name wraps), the signature block beside "Nơi nhận", the annex on its own page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  DRAFT_MARK,
  type DocumentModel,
  NATION_HEADING,
  issuerBodyLines,
  typesetModel,
} from '@kientoan/domain';

const FONT = 'Times New Roman';
/** docx sizes are half-points; page measures are twentieths of a point (1 mm ≈ 56.7). */
const pt = (points: number) => points * 2;
const mm = (millimetres: number) => Math.round(millimetres * 56.7);
const TEXT_WIDTH = mm(210 - 30 - 15);

interface Run {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
}

const line = (
  text: string,
  options: Run & {
    readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    readonly firstLine?: number;
    readonly left?: number;
    readonly pageBreakBefore?: boolean;
    readonly after?: number;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 60 },
    indent: { firstLine: options.firstLine ?? 0, left: options.left ?? 0 },
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [
      new TextRun({
        text,
        bold: options.bold ?? false,
        italics: options.italics ?? false,
        ...(options.underline ? { underline: {} } : {}),
        size: pt(options.size ?? 14),
        font: FONT,
      }),
    ],
  });

const centered = (text: string, run: Run = {}) =>
  line(text, { ...run, align: AlignmentType.CENTER, after: 0 });

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children });

const sideBySide = (leftWidth: number, left: Paragraph[], right: Paragraph[]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(leftWidth, left), cell(TEXT_WIDTH - leftWidth, right)] })],
  });

const annexTable = (annex: NonNullable<DocumentModel['annex']>) => {
  const widths = [mm(12), mm(60), TEXT_WIDTH - mm(72)];
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((text, i) =>
        cell(widths[i] ?? widths[2]!, [
          line(text, {
            bold: header,
            size: 13,
            after: 0,
            align: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          }),
        ]),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(annex.columns, true), ...annex.rows.map((r) => row(r, false))],
  });
};

export const documentDocx = (approved: DocumentModel): Promise<Buffer> => {
  // Numbers kept with their words (no "8" alone on a line): no-break spaces in the running text.
  const doc = typesetModel(approved);
  const header = sideBySide(
    mm(72),
    [
      centered(doc.issuer.superior, { size: 13 }),
      // About 30 capitals fit the column at 14 pt; a longer name goes on its own line.
      ...(doc.issuer.body.length <= 30 ? [doc.issuer.body] : issuerBodyLines(doc.issuer.body)).map((l) =>
        centered(l, { bold: true }),
      ),
      centered('*'),
      centered(doc.issuer.number),
    ],
    [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        indent: { left: mm(12), right: mm(12) },
        children: [new TextRun({ text: NATION_HEADING, bold: true, size: pt(15), font: FONT })],
      }),
      line(doc.placeAndDate, { italics: true, align: AlignmentType.RIGHT, after: 0 }),
    ],
  );
  const footer = sideBySide(
    mm(80),
    [
      line('Nơi nhận:', {
        bold: true,
        italics: true,
        underline: true,
        size: 12,
        after: 0,
        align: AlignmentType.LEFT,
      }),
      ...doc.recipients.map((r) => line(r, { size: 12, after: 0, align: AlignmentType.LEFT })),
    ],
    [
      centered(doc.signature.authority, { bold: true }),
      centered(doc.signature.position, { bold: true }),
      // Room for the signature and the seal.
      ...Array.from({ length: 4 }, () => centered('')),
      centered(doc.signature.signer ?? '', { bold: true }),
    ],
  );
  const body = [
    header,
    centered(''),
    ...(doc.draft ? [centered(DRAFT_MARK, { bold: true })] : []),
    centered(doc.typeName, { bold: true, size: 15 }),
    centered(doc.summary, { bold: true }),
    centered(''),
    ...doc.grounds.map((g) => line(g, { firstLine: mm(10) })),
    line(doc.enacting, { bold: true, align: AlignmentType.CENTER }),
    ...doc.articles.map((a) =>
      a.level === 1 ? line(a.text, { left: mm(15) }) : line(a.text, { firstLine: mm(10) }),
    ),
    centered(''),
    footer,
    ...doc.notes.map((n) => line(n, { firstLine: mm(10) })),
    ...(doc.annex
      ? [
          ...doc.annex.title.map((t, i) =>
            line(t, { bold: true, align: AlignmentType.CENTER, after: 0, pageBreakBefore: i === 0 }),
          ),
          line(doc.annex.reference, { italics: true, align: AlignmentType.CENTER }),
          annexTable(doc.annex),
        ]
      : []),
  ];
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
};
