/**
 * One document model for the three renderers (printable HTML, .docx, PDF) in the layout of Hướng dẫn
 * 36-HD/VPTW: issuer block, national heading and place/date, type name and summary, "Căn cứ" lines, enacting
 * clause, articles (with indented list items), "Nơi nhận", signature block (authority, position, room for
 * signature and seal, signer's full name) and, for a decision covering many units, an annex table.
 *
 * The approved draft is plain text (so the committee votes on words, and versions can be diffed); the text
 * carries the structure: blocks separated by blank lines, list items indented, annex rows separated by " | ".
 * `documentModelText` and `documentModelFromText` are inverse, so the issued model is read back from the issued
 * text — the approved words with only the number and date filled in.
 */
import { DRAFT_MARK } from './document-placeholders';

export const NATION_HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const RECIPIENTS_HEADING = 'Nơi nhận:';
const ANNEX_HEADING = 'DANH SÁCH';
const CELL_SEPARATOR = ' | ';
const LIST_INDENT = '   ';

export interface DocumentArticle {
  readonly text: string;
  /** 0: a paragraph ("Điều 1. …"); 1: an item listed under it, printed indented. */
  readonly level: 0 | 1;
}

export interface DocumentAnnex {
  /** "DANH SÁCH" and what it lists, e.g. "các chi bộ đổi tên". */
  readonly title: readonly string[];
  /** "(Kèm theo Quyết định số 01-QĐ/ĐU, ngày … của Ban Thường vụ Đảng ủy phường …)" */
  readonly reference: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface DocumentModel {
  /** Top left: superior body, issuing body (bold), "*", number. */
  readonly issuer: { readonly superior: string; readonly body: string; readonly number: string };
  /** Top right, under "ĐẢNG CỘNG SẢN VIỆT NAM": place and date, in italics. */
  readonly placeAndDate: string;
  readonly draft: boolean;
  /** "QUYẾT ĐỊNH" / "NGHỊ QUYẾT" */
  readonly typeName: string;
  /** "về việc …" */
  readonly summary: string;
  readonly grounds: readonly string[];
  /** "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG … QUYẾT ĐỊNH:" */
  readonly enacting: string;
  readonly articles: readonly DocumentArticle[];
  /** The lines under "Nơi nhận:". */
  readonly recipients: readonly string[];
  readonly signature: {
    /** "T/M BAN THƯỜNG VỤ" or "K/T BÍ THƯ" */
    readonly authority: string;
    /** "BÍ THƯ" or "PHÓ BÍ THƯ" */
    readonly position: string;
    /** Full name from the registry; none: left blank for the office to write in. */
    readonly signer?: string;
  };
  /** Lines added after the approved text (e.g. why the effective date moved). */
  readonly notes: readonly string[];
  readonly annex?: DocumentAnnex;
}

/** The text the committee votes on and the register keeps. */
export const documentModelText = (doc: DocumentModel): string => {
  const blocks: string[][] = [
    [doc.issuer.superior, doc.issuer.body, '*', doc.issuer.number, NATION_HEADING, doc.placeAndDate],
    [...(doc.draft ? [DRAFT_MARK] : []), doc.typeName, doc.summary],
    [...doc.grounds],
    [doc.enacting, ...doc.articles.map((a) => (a.level === 1 ? `${LIST_INDENT}${a.text}` : a.text))],
    [RECIPIENTS_HEADING, ...doc.recipients],
    [
      doc.signature.authority,
      doc.signature.position,
      ...(doc.signature.signer ? [doc.signature.signer] : []),
    ],
  ];
  if (doc.notes.length) blocks.push([...doc.notes]);
  if (doc.annex)
    blocks.push(
      [...doc.annex.title, doc.annex.reference],
      [doc.annex.columns, ...doc.annex.rows].map((cells) => cells.join(CELL_SEPARATOR)),
    );
  return blocks.map((b) => b.join('\n')).join('\n\n');
};

const isSignatureStart = (line: string) => /^(T\/M|K\/T|T\/L|TM\.|KT\.)\s/.test(line);

/**
 * Reads a model back from a document text (as `documentModelText` lays it out, possibly edited by the
 * secretary). Undefined when the text no longer has that shape; the renderers then print it line by line.
 */
export const documentModelFromText = (text: string): DocumentModel | undefined => {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  if (blocks.length < 6) return undefined;
  const [header, heading, grounds] = blocks as [string[], string[], string[]];
  const split = header.indexOf(NATION_HEADING);
  if (split !== 4 || header.length !== 6 || header[2] !== '*') return undefined;
  const draft = heading[0]?.trim() === DRAFT_MARK;
  const [typeName, ...summary] = draft ? heading.slice(1) : heading;
  const recipientsAt = blocks.findIndex((b, i) => i >= 3 && b[0]?.trim() === RECIPIENTS_HEADING);
  if (!typeName || recipientsAt < 4) return undefined;
  const [enacting, ...articleLines] = blocks.slice(3, recipientsAt).flat();
  const signature = blocks[recipientsAt + 1];
  if (!enacting || !signature || !isSignatureStart(signature[0] ?? '') || signature.length < 2)
    return undefined;
  const rest = blocks.slice(recipientsAt + 2);
  const annexAt = rest.findIndex((b) => b[0]?.trim() === ANNEX_HEADING);
  const annexBlocks = annexAt >= 0 ? rest.slice(annexAt) : [];
  const notes = (annexAt >= 0 ? rest.slice(0, annexAt) : rest).flat();
  let annex: DocumentAnnex | undefined;
  if (annexBlocks.length) {
    const [titleBlock, tableBlock, ...after] = annexBlocks as [string[], string[] | undefined];
    if (!tableBlock || after.length || titleBlock.length < 2) return undefined;
    const [columns, ...rows] = tableBlock.map((l) => l.split(CELL_SEPARATOR).map((c) => c.trim()));
    annex = {
      title: titleBlock.slice(0, -1),
      reference: titleBlock.at(-1)!,
      columns: columns!,
      rows,
    };
  }
  return {
    issuer: { superior: header[0]!, body: header[1]!, number: header[3]! },
    placeAndDate: header[5]!,
    draft,
    typeName,
    summary: summary.join(' '),
    grounds,
    enacting,
    articles: articleLines.map((l) =>
      /^\s+/.test(l) ? { text: l.trim(), level: 1 as const } : { text: l, level: 0 as const },
    ),
    recipients: blocks[recipientsAt]!.slice(1),
    signature: {
      authority: signature[0]!,
      position: signature[1]!,
      ...(signature[2] ? { signer: signature.slice(2).join(' ') } : {}),
    },
    notes,
    ...(annex ? { annex } : {}),
  };
};

/**
 * Where the issuing body may break when it does not fit its column: before the ward's name only
 * ("ĐẢNG ỦY PHƯỜNG" / "VĂN MIẾU - QUỐC TỬ GIÁM"), never inside it.
 */
export const issuerBodyLines = (body: string): readonly string[] => {
  const match = /^(ĐẢNG ỦY (?:PHƯỜNG|XÃ)) (.+)$/u.exec(body);
  return match ? [match[1]!, match[2]!] : [body];
};
