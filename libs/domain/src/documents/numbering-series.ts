/**
 * What a register's numbering series is called. A register key (documents/document-register.store) is a
 * committee term's first day ("2025-09-01"), "start" for the appointed committee before the first congress, or
 * a calendar year ("2025") for decisions numbered before registers followed terms.
 */
export type NumberingSeries =
  | { readonly kind: 'term'; readonly from: string }
  | { readonly kind: 'before-first-congress' }
  | { readonly kind: 'year'; readonly year: string };

export const numberingSeries = (key: string): NumberingSeries => {
  if (key === 'start') return { kind: 'before-first-congress' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return { kind: 'term', from: key };
  return { kind: 'year', year: key };
};

/** The series in Vietnamese, as a register's heading or a spreadsheet cell says it. */
export const numberingSeriesLabel = (key: string): string => {
  const series = numberingSeries(key);
  switch (series.kind) {
    case 'term': {
      const [y, m, d] = series.from.split('-');
      return `nhiệm kỳ từ ngày ${d}/${m}/${y}`;
    }
    case 'before-first-congress':
      return 'trước Đại hội lần thứ nhất';
    case 'year':
      return `năm ${series.year}`;
  }
};
