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

/** The congresses around a day: the one that opened its term (if any) and the one that ends it (if any). */
const congressesAround = <C extends Congress>(congresses: readonly C[], day: string) => {
  const closed = [...congresses].sort((a, b) => a.closedOn.localeCompare(b.closedOn));
  // The last congress that closed strictly before the day opened the term; the next one (if any) ends it.
  return {
    opening: closed.filter((c) => c.closedOn < day).at(-1),
    closing: closed.find((c) => c.closedOn >= day),
  };
};

/** The term a day (YYYY-MM-DD, in Hà Nội) falls in, given the ward's congresses in any order. */
export const committeeTermOn = (congresses: readonly Congress[], day: string): CommitteeTerm => {
  const { opening, closing } = congressesAround(congresses, day);
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

/** The years a committee term is named by: "nhiệm kỳ 2025 - 2030". */
export interface TermYears {
  readonly from: number;
  readonly to: number;
}

/** A ward committee's term: five years (Điều lệ Đảng), e.g. the first congresses of 2025 open 2025 - 2030. */
export const TERM_LENGTH_YEARS = 5;

/**
 * The term the documents of the appointed (provisional) committee name, before the ward's first congress closes.
 * DOMAIN.md ("Documents") says the committees of July 2025 were appointed and that each ward's first congress
 * starts a term, but not which term the appointed committee's working rules name; the wording its documents have
 * always carried is kept: the term that first congress opens, 2025 - 2030 (an assumption, see README).
 */
export const APPOINTED_COMMITTEE_TERM: TermYears = { from: 2025, to: 2030 };

/** "nhiệm kỳ 2025 - 2030", "nhiệm kỳ 2025-2030", "Nhiệm kỳ 2025–2030" in a congress's name. */
const NAMED_TERM = /nhiệm\s+kỳ\s+(\d{4})\s*[-–—]\s*(\d{4})/iu;

/** The term a congress's name gives ("…, nhiệm kỳ 2025 - 2030"); none when the name does not say. */
export const namedTermYears = (name: string): TermYears | undefined => {
  const m = NAMED_TERM.exec(name.normalize('NFC'));
  return m ? { from: Number(m[1]), to: Number(m[2]) } : undefined;
};

/** The years of the term a congress opens: as its name says, else five years from the year it closed. */
export const congressTermYears = (congress: Congress): TermYears => {
  const named = namedTermYears(congress.name);
  if (named) return named;
  const from = Number(congress.closedOn.slice(0, 4));
  return { from, to: from + TERM_LENGTH_YEARS };
};

/**
 * The years of the term in force on a day (YYYY-MM-DD, in Hà Nội): the term of the congress that opened it (the
 * same congress `committeeTermOn` picks, so a document's text names the term it is numbered in); before the
 * ward's first congress, the appointed committee's (`APPOINTED_COMMITTEE_TERM`).
 */
export const termYearsOn = (congresses: readonly Congress[], day: string): TermYears => {
  const { opening } = congressesAround(congresses, day);
  return opening ? congressTermYears(opening) : APPOINTED_COMMITTEE_TERM;
};

/** "2025 - 2030", as a document writes a term after "nhiệm kỳ". */
export const termYearsText = (years: TermYears) => `${years.from} - ${years.to}`;
