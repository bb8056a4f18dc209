// A formatter is costly to create (about 0.3 ms) and pages format thousands of dates: keep each one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\n${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formatters.set(key, cached);
  }
  return cached;
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

/** Formats an ISO date `YYYY-MM-DD` in a language, without the «г.» Russian adds after the year. */
export function formatIsoDate(isoDate: string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return formatter(lang, options)
    .format(utcDate(year, month, day))
    .replace(/\s*г\.$/u, '');
}

/** Names a month `YYYY-MM` in the nominative, as a heading: «Декабрь 2025». */
export function formatMonth(month: string, lang: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const name = formatter(lang, { month: 'long' }).format(utcDate(year, index, 1));
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)} ${year}`;
}
