/** Dates and numbers as people in Hanoi read them (vi-VN), or en-GB in English; times in Vietnam's zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

export const formatDateTime = (iso: string | null | undefined, language: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale(language), {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: TIME_ZONE,
      }).format(new Date(iso))
    : '—';

/** A calendar date (YYYY-MM-DD) or a timestamp, as a date. */
export const formatDate = (iso: string | null | undefined, language: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(
        new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso),
      )
    : '—';

export const formatNumber = (value: number, language: string): string =>
  new Intl.NumberFormat(locale(language)).format(value);
