/**
 * The dates of a decision (Hướng dẫn 36-HD/VPTW; DOMAIN.md "Dates"): it takes effect on or after its signing
 * date, never before, and the announcement ceremony comes on or after issue. Pure: "today" is passed in.
 */
import { DomainError } from '../errors/domain-error';
import { VIETNAM_PUBLIC_HOLIDAYS, isWorkingDay } from '../calendar/working-days';

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD plus `days` calendar days. */
export const addDays = (isoDate: string, days: number): string =>
  new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** DD/MM/YYYY, as dates are written in Vietnamese text. */
const shortDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');

export interface StartDates {
  /** Today in Hà Nội (YYYY-MM-DD): the earliest a decision could be signed. */
  readonly today: string;
  readonly effectiveDate?: string;
  readonly ceremonyDate?: string;
  /** How far ahead an effective date or a ceremony may be chosen (configurable). */
  readonly maxDaysAhead: number;
}

/** The dates a secretary may choose at start, both ends included (YYYY-MM-DD, Hà Nội). */
export interface StartDateWindow {
  readonly earliest: string;
  readonly latest: string;
  readonly maxDaysAhead: number;
}

/** From today to `maxDaysAhead` days later: the window of the effective date and of the ceremony. */
export const startDateWindow = (today: string, maxDaysAhead: number): StartDateWindow => ({
  earliest: today,
  latest: addDays(today, maxDaysAhead),
  maxDaysAhead,
});

interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
  readonly reasonEn: string;
}

const outOfRange = (field: string, label: string, labelEn: string, value: string, input: StartDates) => {
  const { latest } = startDateWindow(input.today, input.maxDaysAhead);
  if (value < input.today)
    return {
      field,
      code: 'DATE_IN_THE_PAST',
      reason: `${label} ${shortDate(value)} đã qua: không được trước ngày ký (sớm nhất là hôm nay, ${shortDate(input.today)}).`,
      reasonEn: `${labelEn} ${value} is in the past: it cannot be before the signing date (today, ${input.today}, at the earliest).`,
    };
  if (value > latest)
    return {
      field,
      code: 'DATE_TOO_FAR_AHEAD',
      reason: `${label} ${shortDate(value)} quá xa: chậm nhất là ${shortDate(latest)} (${input.maxDaysAhead} ngày kể từ hôm nay).`,
      reasonEn: `${labelEn} ${value} is too far ahead: ${latest} at the latest (${input.maxDaysAhead} days from today).`,
    };
  return null;
};

/**
 * The dates a secretary chooses at start: the effective date neither before today (a decision cannot be
 * signed earlier than now, and takes effect on or after its signing) nor beyond the window; the ceremony
 * never in the past. Every problem as a field error, or null.
 */
export const checkStartDates = (input: StartDates): DomainError | null => {
  const problems = [
    input.effectiveDate
      ? outOfRange('effectiveDate', 'Ngày hiệu lực', 'The effective date', input.effectiveDate, input)
      : null,
    input.ceremonyDate
      ? outOfRange('ceremony.date', 'Ngày tổ chức lễ công bố', 'The ceremony date', input.ceremonyDate, input)
      : null,
  ].filter((p): p is FieldError => p !== null);
  if (problems.length === 0) return null;
  return new DomainError(
    'PROCEDURE_DATES_INVALID',
    'invalid',
    problems.map((p) => p.reason).join(' '),
    problems.map((p) => p.reasonEn).join(' '),
    { fieldErrors: problems },
  );
};

export interface EffectiveOnSigning {
  readonly effectiveDate: string;
  /** The requested date when it had passed by the signing date (the decision takes effect when signed). */
  readonly postponedFrom: string | null;
}

/**
 * The effective date of a decision signed on `signedOn`: the requested one, or the signing date when the
 * procedure took so long that the requested date passed. We move the date rather than send the procedure
 * back: the committee approved the change itself, and the only thing that can no longer hold is a date in
 * the past; the decision says so in a note.
 */
export const effectiveDateOnSigning = (requested: string | null, signedOn: string): EffectiveOnSigning =>
  requested === null || requested >= signedOn
    ? { effectiveDate: requested ?? signedOn, postponedFrom: null }
    : { effectiveDate: signedOn, postponedFrom: requested };

/** The note a decision carries when its requested effective date had passed by signing. */
export const postponedEffectiveDateNote = (postponedFrom: string, effectiveDate: string): string =>
  `Ghi chú: Ngày hiệu lực đề nghị (${shortDate(postponedFrom)}) đã qua trước ngày ký; Quyết định có hiệu lực kể từ ngày ký, ${shortDate(effectiveDate)}.`;

/** The first working day on or after `isoDate` (weekends and public holidays skipped). */
export const firstWorkingDayOnOrAfter = (
  isoDate: string,
  holidays: readonly string[] = VIETNAM_PUBLIC_HOLIDAYS,
): string => {
  let day = isoDate;
  while (!isWorkingDay(day, holidays)) day = addDays(day, 1);
  return day;
};

export interface Ceremony {
  /** YYYY-MM-DD and HH:mm in Hà Nội. */
  readonly date: string;
  readonly time: string;
  readonly place: string;
  /** The date the secretary chose when it came before issue (the ceremony follows the decision). */
  readonly movedFrom: string | null;
}

/**
 * The announcement ceremony (lễ công bố và trao quyết định): the secretary's choice, or the first working day
 * on or after issue at 08:00 at the ward's seat; never before issue.
 */
export const ceremonyOf = (input: {
  readonly chosen: { readonly date: string; readonly time: string } | null;
  readonly chosenPlace: string | null;
  readonly issuedOn: string;
  readonly wardSeat: string;
  readonly holidays?: readonly string[];
}): Ceremony => {
  const earliest = firstWorkingDayOnOrAfter(input.issuedOn, input.holidays);
  const place = input.chosenPlace ?? input.wardSeat;
  if (input.chosen && input.chosen.date >= input.issuedOn)
    return { date: input.chosen.date, time: input.chosen.time, place, movedFrom: null };
  return {
    date: earliest,
    time: input.chosen?.time ?? '08:00',
    place,
    movedFrom: input.chosen?.date ?? null,
  };
};
