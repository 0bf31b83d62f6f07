/**
 * The decision register's promise, checked rather than only stated: within one series (an issuer's type of
 * document in one numbering span: a year today, a committee term once terms number the register) the numbers
 * run 1, 2, 3 … without a gap, and a withdrawn number keeps its place. Pure.
 */
export interface RegisterNumber {
  /** "QĐ", "NQ" */
  readonly docType: string;
  /** The numbering span: "2025", or a term's key. */
  readonly series: string;
  readonly number: number;
  readonly withdrawn: boolean;
}

export interface RegisterSeries {
  readonly docType: string;
  readonly series: string;
  readonly count: number;
  readonly withdrawn: number;
  /** The highest number taken (numbers start at 1). */
  readonly last: number;
  /** Numbers below `last` that no document carries: always empty in a sound register. */
  readonly missing: readonly number[];
  /** Numbers carried by more than one document: always empty in a sound register. */
  readonly duplicated: readonly number[];
}

export const registerCompleteness = (numbers: readonly RegisterNumber[]): RegisterSeries[] => {
  const bySeries = new Map<string, RegisterNumber[]>();
  for (const n of numbers) {
    const key = `${n.docType}\u0000${n.series}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), n]);
  }
  return [...bySeries.values()]
    .map((entries): RegisterSeries => {
      const taken = entries.map((e) => e.number);
      const last = Math.max(...taken);
      const counts = new Map<number, number>();
      for (const t of taken) counts.set(t, (counts.get(t) ?? 0) + 1);
      const missing: number[] = [];
      for (let i = 1; i <= last; i += 1) if (!counts.has(i)) missing.push(i);
      return {
        docType: entries[0]!.docType,
        series: entries[0]!.series,
        count: entries.length,
        withdrawn: entries.filter((e) => e.withdrawn).length,
        last,
        missing,
        duplicated: [...counts].filter(([, c]) => c > 1).map(([n]) => n),
      };
    })
    .sort((a, b) => b.series.localeCompare(a.series) || a.docType.localeCompare(b.docType));
};
