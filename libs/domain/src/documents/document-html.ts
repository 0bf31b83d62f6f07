/**
 * Printable HTML of the document model (A4, Times New Roman 14 pt). The superior body and the national heading
 * never wrap; the issuing body wraps only when it must (a long ward name), in balanced lines; listed items keep
 * their indentation, and the annex starts on a new page.
 */
import { type DocumentModel, NATION_HEADING, documentModelFromText } from './document-model';
import { DRAFT_MARK } from './document-placeholders';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Tinos, "Liberation Serif", serif; font-size: 14pt; line-height: 1.3; color: #000; max-width: 165mm; margin: 0 auto; }
.header { display: flex; justify-content: space-between; align-items: flex-start; text-align: center; }
.header { gap: 4mm; }
.issuer { flex: 1 1 45%; }
.nation { flex: 0 1 55%; }
.issuer .superior, .nation .name, .keep { white-space: nowrap; }
.issuer .superior { font-size: 13pt; }
.issuer .body, .nation .name { font-weight: bold; }
.nation .name { font-size: 15pt; }
.nation .rule { border-top: 1px solid #000; width: 60%; margin: 2px auto 6px; }
.nation .date { font-style: italic; }
.heading { text-align: center; margin: 1.2em 0 0.8em; }
.heading .type { font-weight: bold; font-size: 15pt; }
.heading .summary { font-weight: bold; text-wrap: balance; }
.draft-mark { color: #b00; font-weight: bold; }
.grounds p, .articles p, .notes p { text-align: justify; margin: 0.25em 0; text-indent: 10mm; text-wrap: pretty; }
.articles p.item { text-indent: 0; padding-left: 15mm; }
.enacting { text-align: center; font-weight: bold; margin: 0.8em 0; }
.footer { display: flex; justify-content: space-between; margin-top: 1.5em; page-break-inside: avoid; }
.recipients { font-size: 12pt; }
.recipients .label { font-style: italic; font-weight: bold; text-decoration: underline; }
.signature { text-align: center; font-weight: bold; min-width: 45%; }
.signature .room { height: 30mm; }
.annex { page-break-before: always; }
.annex .title { text-align: center; font-weight: bold; }
.annex .reference { text-align: center; font-style: italic; margin-bottom: 0.8em; }
.annex table { border-collapse: collapse; width: 100%; font-size: 13pt; }
.annex th, .annex td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
.annex td:first-child { text-align: center; }
@media screen { body { padding: 2em; background: #fafafa; } }
`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head>
<body>
${body}
</body></html>`;

const div = (cls: string, text: string) => `<div class="${cls}">${escapeHtml(text)}</div>`;

/**
 * A line that may break at one place only, before `tail` ("ĐẢNG ỦY PHƯỜNG" / "VĂN MIẾU - QUỐC TỬ GIÁM"; the
 * place / "ngày … năm …"), never inside a name or a date.
 */
const breakingBefore = (cls: string, text: string, tail: RegExp) => {
  const match = tail.exec(text);
  const keep = (part: string) => `<span class="keep">${escapeHtml(part)}</span>`;
  if (!match) return `<div class="${cls}">${keep(text)}</div>`;
  return `<div class="${cls}">${keep(text.slice(0, match.index).trimEnd())} ${keep(text.slice(match.index).trimStart())}</div>`;
};

export const documentHtml = (doc: DocumentModel, title: string): string => {
  const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
  const annex = doc.annex
    ? `<section class="annex">${doc.annex.title.map((t) => div('title', t)).join('')}${div('reference', doc.annex.reference)}
<table><thead><tr>${doc.annex.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>${doc.annex.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table></section>`
    : '';
  return page(
    title,
    `<div class="header">
<div class="issuer">${div('superior', doc.issuer.superior)}${breakingBefore('body', doc.issuer.body, /(?<=^ĐẢNG ỦY (PHƯỜNG|XÃ) ).*/u)}${div('star', '*')}${div('number', doc.issuer.number)}</div>
<div class="nation">${div('name', NATION_HEADING)}<div class="rule"></div>${breakingBefore('date', doc.placeAndDate, /(?<=, )(ngày|\[\[).*$/u)}</div>
</div>
<div class="heading">${doc.draft ? div('draft-mark', DRAFT_MARK) : ''}${div('type', doc.typeName)}${div('summary', doc.summary)}</div>
<div class="grounds">${doc.grounds.map((g) => p(g)).join('')}</div>
<div class="enacting">${escapeHtml(doc.enacting)}</div>
<div class="articles">${doc.articles.map((a) => p(a.text, a.level === 1 ? 'item' : undefined)).join('')}</div>
<div class="footer"><div class="recipients"><div class="label">Nơi nhận:</div>${doc.recipients.map((r) => div('', r)).join('')}</div>
<div class="signature">${div('authority', doc.signature.authority)}${div('position', doc.signature.position)}<div class="room"></div>${div('signer', doc.signature.signer ?? '')}</div></div>
${doc.notes.length ? `<div class="notes">${doc.notes.map((n) => p(n)).join('')}</div>` : ''}
${annex}`,
  );
};

/** Printable HTML of a document's text: the Party layout when the text keeps its shape, else line by line. */
export const documentHtmlFromText = (text: string, title: string): string => {
  const doc = documentModelFromText(text);
  if (doc) return documentHtml(doc, title);
  return page(
    title,
    `<div class="articles">${text
      .split('\n')
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}</div>`,
  );
};
