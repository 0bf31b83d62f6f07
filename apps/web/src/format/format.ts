/** Dates and numbers as people in Hanoi read them (vi-VN), or en-GB in English; times in Vietnam's zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

// One formatter per locale and style: building an Intl formatter costs far more than formatting with it (the
// city board formats some 1,500 numbers per render).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F => {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as F;
};
const dateTimeFormat = (language: string) =>
  cached(
    `dt:${locale(language)}`,
    () =>
      new Intl.DateTimeFormat(locale(language), {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: TIME_ZONE,
      }),
  );
const dateFormat = (language: string) =>
  cached(
    `d:${locale(language)}`,
    () => new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: TIME_ZONE }),
  );
const numberFormat = (language: string) =>
  cached(`n:${locale(language)}`, () => new Intl.NumberFormat(locale(language)));

export const formatDateTime = (iso: string | null | undefined, language: string): string =>
  iso ? dateTimeFormat(language).format(new Date(iso)) : '—';

/** A calendar date (YYYY-MM-DD) or a timestamp, as a date. */
export const formatDate = (iso: string | null | undefined, language: string): string =>
  iso ? dateFormat(language).format(new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso)) : '—';

export const formatNumber = (value: number, language: string): string => numberFormat(language).format(value);
