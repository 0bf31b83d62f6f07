/**
 * The resolution (Nghị quyết) and the decision (Quyết định) in the Party document layout: issuing body,
 * "ĐẢNG CỘNG SẢN VIỆT NAM", number and symbol, place and date, grounds ("Căn cứ"), articles listing each
 * change, effective date, recipients ("Nơi nhận"), signature block. Pure: numbers and dates are passed in;
 * a draft has blanks (document-placeholders.ts) for its number and signing date, filled only at issue. Plain
 * text for diffs and storage; HTML with a print stylesheet for printing.
 */
import { dateInVietnam } from '../calendar/vietnam-time';
import type { ChangeSentence } from './change-sentences';
import { DRAFT_MARK, PLACEHOLDERS } from './document-placeholders';

export interface PartyDocumentInput {
  readonly type: 'NQ' | 'QĐ';
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  readonly title: string;
  readonly sentences: readonly ChangeSentence[];
  /** Signing date (an instant; shown as the date in Hà Nội). */
  readonly signedAt: Date;
  /** YYYY-MM-DD; none: the document takes effect on its signing date. */
  readonly effectiveDate?: string;
  /** "Số 12-QĐ/ĐU"; undefined for a draft (a blank). */
  readonly symbol?: string;
  /** For a decision: the resolution it carries out. */
  readonly resolutionSymbol?: string;
  readonly draft?: boolean;
}

const wardLabel = (kind: 'phuong' | 'xa') => (kind === 'phuong' ? 'phường' : 'xã');
/** "2025-07-07" → "ngày 07 tháng 07 năm 2025" */
export const longDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

export interface PartyDocument {
  readonly header: { readonly left: readonly string[]; readonly right: readonly string[] };
  readonly heading: readonly string[];
  readonly grounds: readonly string[];
  readonly enacting: string;
  readonly articles: readonly string[];
  readonly recipients: readonly string[];
  readonly signature: readonly string[];
}

export const composeDocument = (input: PartyDocumentInput): PartyDocument => {
  const ward = `${wardLabel(input.wardKind)} ${input.wardName}`;
  const committee = `ĐẢNG ỦY ${ward.toLocaleUpperCase('vi')}`;
  const draft = input.draft === true;
  // Without numbers (a draft) the document has blanks that only the issue step fills.
  const symbol = input.symbol ?? PLACEHOLDERS.number;
  const signingDate = draft ? PLACEHOLDERS.signingDate : longDate(dateInVietnam(input.signedAt));
  const resolutionSymbol = input.resolutionSymbol ?? PLACEHOLDERS.resolutionNumber;
  const effectiveFrom = input.effectiveDate ? longDate(input.effectiveDate) : signingDate;
  const isDecision = input.type === 'QĐ';
  const changes = input.sentences.map((s) => s.article).filter(Boolean);
  return {
    header: {
      left: ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', committee, '*', symbol],
      right: ['ĐẢNG CỘNG SẢN VIỆT NAM', `Hà Nội, ${signingDate}`],
    },
    heading: [
      ...(draft ? [DRAFT_MARK] : []),
      isDecision ? 'QUYẾT ĐỊNH' : 'NGHỊ QUYẾT',
      `về việc ${input.title}`,
    ],
    grounds: [
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy định thi hành Điều lệ Đảng và các quy định của Ban Chấp hành Trung ương về tổ chức cơ sở đảng;',
      `- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ ${ward} nhiệm kỳ 2025 - 2030;`,
      ...(isDecision ? [`- Căn cứ Nghị quyết ${resolutionSymbol} của Ban Thường vụ Đảng ủy ${ward};`] : []),
      '- Xét đề nghị của Văn phòng Đảng ủy,',
    ],
    enacting: isDecision
      ? `BAN THƯỜNG VỤ ĐẢNG ỦY ${ward.toLocaleUpperCase('vi')} QUYẾT ĐỊNH:`
      : 'QUYẾT NGHỊ:',
    articles: [
      `Điều 1. ${changes.length === 1 ? changes[0]! : `Thực hiện ${changes.length} nội dung kiện toàn tổ chức đảng sau đây:`}`,
      ...(changes.length > 1 ? changes.map((c, i) => `   ${i + 1}. ${c}`) : []),
      `Điều 2. ${isDecision ? 'Quyết định' : 'Nghị quyết'} có hiệu lực kể từ ${effectiveFrom}.`,
      `Điều 3. Văn phòng Đảng ủy, các chi bộ, đảng bộ trực thuộc và đồng chí có tên tại Điều 1 thi hành ${isDecision ? 'Quyết định' : 'Nghị quyết'} này.`,
    ],
    recipients: [
      'Nơi nhận:',
      '- Ban Thường vụ Thành ủy Hà Nội (để báo cáo),',
      '- Như Điều 3,',
      '- Lưu Văn phòng Đảng ủy.',
    ],
    signature: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
  };
};

export const documentText = (doc: PartyDocument): string =>
  [
    ...doc.header.left,
    ...doc.header.right,
    '',
    ...doc.heading,
    '',
    ...doc.grounds,
    '',
    doc.enacting,
    ...doc.articles,
    '',
    ...doc.recipients,
    '',
    ...doc.signature,
  ].join('\n');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.4; color: #000; max-width: 170mm; margin: 0 auto; }
.header { display: flex; justify-content: space-between; text-align: center; }
.header div { width: 48%; }
.heading { text-align: center; font-weight: bold; margin: 1.5em 0 1em; }
.heading .about { font-weight: normal; font-style: italic; }
.grounds p, .articles p { text-align: justify; margin: 0.3em 0; }
.enacting { text-align: center; font-weight: bold; margin: 1em 0; }
.footer { display: flex; justify-content: space-between; margin-top: 2em; }
.recipients { font-size: 12pt; }
.signature { text-align: center; font-weight: bold; }
.draft-mark { color: #b00; }
@media screen { body { padding: 2em; background: #fafafa; } }
@media print { .no-print { display: none; } }
`;

export const documentHtml = (doc: PartyDocument, title: string): string => {
  const lines = (items: readonly string[], tag = 'div') =>
    items.map((l) => `<${tag}>${escapeHtml(l)}</${tag}>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head>
<body>
<div class="header"><div>${lines(doc.header.left)}</div><div><strong>${escapeHtml(doc.header.right[0] ?? '')}</strong><br><em>${escapeHtml(doc.header.right[1] ?? '')}</em></div></div>
<div class="heading">${doc.heading.map((h, i) => `<div class="${h === DRAFT_MARK ? 'draft-mark' : i === doc.heading.length - 1 ? 'about' : ''}">${escapeHtml(h)}</div>`).join('')}</div>
<div class="grounds">${lines(doc.grounds, 'p')}</div>
<div class="enacting">${escapeHtml(doc.enacting)}</div>
<div class="articles">${lines(doc.articles, 'p')}</div>
<div class="footer"><div class="recipients">${lines(doc.recipients)}</div><div class="signature">${lines(doc.signature)}</div></div>
</body></html>`;
};

/**
 * Reads a document back from its text (as `documentText` lays it out, possibly edited): blocks separated by
 * blank lines — header, heading, grounds, enacting clause with the articles (blank lines inside the articles
 * allowed), recipients, signature. Undefined when the text no longer has that shape.
 */
export const documentFromText = (text: string): PartyDocument | undefined => {
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  if (blocks.length < 6) return undefined;
  const [header, heading, grounds] = blocks as [string[], string[], string[]];
  const signature = blocks.at(-1)!;
  const recipients = blocks.at(-2)!;
  const [enacting, ...articles] = blocks.slice(3, -2).flat();
  const split = header.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM');
  if (split < 1 || !enacting) return undefined;
  return {
    header: { left: header.slice(0, split), right: header.slice(split) },
    heading,
    grounds,
    enacting,
    articles,
    recipients,
    signature,
  };
};

/** Printable HTML of a document's text: the Party layout when the text keeps its shape, else line by line. */
export const documentHtmlFromText = (text: string, title: string): string => {
  const doc = documentFromText(text);
  if (doc) return documentHtml(doc, title);
  const lines = text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head>
<body><div class="articles">${lines}</div></body></html>`;
};
