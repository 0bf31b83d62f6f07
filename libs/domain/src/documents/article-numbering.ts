/**
 * The numbering of a document's articles as the secretary edits it: "Điều 1.", "Điều 2." … in order from 1, and
 * under an article its listed items "1.", "2." … in order from 1 (Hướng dẫn 36-HD/VPTW lays out articles and the
 * points under them). A gap or a repeat is named so the editor can say where, before the committee votes on it.
 */
import type { DocumentArticle } from './document-model';

export type NumberingProblem =
  | { readonly kind: 'article'; readonly expected: number; readonly found: number }
  | { readonly kind: 'item'; readonly article: number; readonly expected: number; readonly found: number };

const ARTICLE = /^Điều\s+(\d+)\s*\./u;
const ITEM = /^(\d+)\s*\./u;

/** Every article or item whose number is not the next one (empty: numbered as it should be). */
export const articleNumberingProblems = (articles: readonly DocumentArticle[]): NumberingProblem[] => {
  const problems: NumberingProblem[] = [];
  let article = 0;
  let item = 0;
  for (const a of articles) {
    const text = a.text.trim();
    const isArticle = ARTICLE.exec(text);
    if (a.level === 0 && isArticle) {
      const found = Number(isArticle[1]);
      if (found !== article + 1) problems.push({ kind: 'article', expected: article + 1, found });
      article = found;
      item = 0;
      continue;
    }
    const isItem = a.level === 1 ? ITEM.exec(text) : null;
    if (isItem) {
      const found = Number(isItem[1]);
      if (found !== item + 1) problems.push({ kind: 'item', article, expected: item + 1, found });
      item = found;
    }
  }
  return problems;
};
