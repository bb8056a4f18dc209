/** Formats an ISO date `YYYY-MM-DD` in a language, without the «г.» Russian adds after the year. */
export function formatIsoDate(isoDate: string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date).replace(/\s*г\.$/u, '');
}

/** Names a month `YYYY-MM` in the nominative, as a heading: «Декабрь 2025». */
export function formatMonth(month: string, lang: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1, 1));
  date.setUTCFullYear(year);
  const name = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(date);
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)} ${year}`;
}
