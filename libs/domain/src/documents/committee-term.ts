/**
 * Committee terms (nhiệm kỳ cấp ủy), the span a Party register numbers within (DOMAIN.md, "Documents"): a term
 * runs from the day after the congress that elected the committee closes to the day the next congress closes
 * (that day still belongs to the old term). A ward's congresses are registry data; the first congresses of the
 * new ward committees (2025–2030) open the first term.
 */
export interface Congress {
  /** "Đại hội Đảng bộ phường Kim Liên lần thứ Nhất" */
  readonly name: string;
  /** YYYY-MM-DD, the day the congress closed. */
  readonly closedOn: string;
}

export interface CommitteeTerm {
  /** The congress that opened it; none: the appointed committee before the ward's first congress. */
  readonly openedBy?: string;
  /** YYYY-MM-DD, first day of the term (inclusive); none: from the ward's creation. */
  readonly from?: string;
  /** YYYY-MM-DD, last day of the term (inclusive: the day the next congress closes); none: still running. */
  readonly to?: string;
}

const dayAfter = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The term a day (YYYY-MM-DD, in Hà Nội) falls in, given the ward's congresses in any order. */
export const committeeTermOn = (congresses: readonly Congress[], day: string): CommitteeTerm => {
  const closed = [...congresses].sort((a, b) => a.closedOn.localeCompare(b.closedOn));
  // The last congress that closed strictly before the day opened the term; the next one (if any) ends it.
  const opening = closed.filter((c) => c.closedOn < day).at(-1);
  const closing = closed.find((c) => c.closedOn >= day);
  return {
    ...(opening ? { openedBy: opening.name, from: dayAfter(opening.closedOn) } : {}),
    ...(closing ? { to: closing.closedOn } : {}),
  };
};

/** The key of an issuer's register for a type of document in a term: numbers restart from 01 in each. */
export const registerKey = (issuer: string, docType: string, term: CommitteeTerm) =>
  `${issuer}:${docType}:${term.from ?? 'start'}`;

/**
 * The next number of a register, from the numbers already taken in it (withdrawn ones included: a number is
 * never reused, so the next is one past the highest ever taken).
 */
export const nextRegisterNumber = (taken: readonly number[]) => (taken.length ? Math.max(...taken) : 0) + 1;
