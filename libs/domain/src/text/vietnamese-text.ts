/**
 * Vietnamese text is data: the same name can arrive precomposed (NFC) or decomposed (NFD), and people type
 * it without diacritics. Everything is stored in NFC; comparisons use a folded key.
 */
import { nameSkeleton } from './clean-text';

export const toNfc = (text: string): string => text.normalize('NFC');

/** Collapses runs of whitespace and trims, after NFC. */
export const cleanText = (text: string): string => toNfc(text).replace(/\s+/g, ' ').trim();

/**
 * A key for "same name" comparisons: the confusable skeleton (NFKC, trimmed, invisible characters dropped,
 * Cyrillic/Greek look-alikes folded, case-folded). Diacritics still matter ("Chi bộ" ≠ "Chi bo").
 */
export const nameKey = (text: string): string => nameSkeleton(text);

/** A key for search: also drops diacritics and maps đ → d, so "chi bo 5" finds "Chi bộ 5". */
export const searchKey = (text: string): string =>
  nameKey(text)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd');

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese sort order, with numbers in numeric order ("Chi bộ 2" before "Chi bộ 10"). */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);
