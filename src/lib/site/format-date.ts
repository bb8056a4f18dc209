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

// Date.UTC maps years 0-99 onto 1900-1999: the full year is set again.
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

/** The grammatical case of a month's name: «декабрь 2025» (nominative) or «декабря 2025» (genitive). */
export type MonthCase = 'nominative' | 'genitive';

/** Formats an ISO date `YYYY-MM-DD` with the site's date format, without the «г.» Russian adds. */
export function formatIsoDate(isoDate: string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return formatter(lang, options)
    .format(utcDate(year, month, day))
    .replace(/\s*г\.$/u, '');
}

/**
 * Names a month `YYYY-MM` with its year, in running text: «декабрь 2025», or in the genitive
 * «декабря 2025» (after «с», «до», «за … месяцев»). The genitive is the form `Intl` gives a month
 * beside a day number, so every language that has one gets its own.
 */
export function monthName(month: string, lang: string, grammaticalCase: MonthCase = 'nominative'): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const options: Intl.DateTimeFormatOptions =
    grammaticalCase === 'genitive' ? { day: 'numeric', month: 'long' } : { month: 'long' };
  const name = formatter(lang, options)
    .formatToParts(utcDate(year, index, 1))
    .find((part) => part.type === 'month')?.value;
  return `${name ?? index} ${year}`;
}

/** Names a month `YYYY-MM` as a heading, nominative with a capital letter: «Декабрь 2025». */
export function formatMonth(month: string, lang: string): string {
  const name = monthName(month, lang);
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)}`;
}

/** The short standalone name of a month `YYYY-MM`, for a chart's axis: «янв.», «май». */
export function shortMonthName(month: string, lang: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return formatter(lang, { month: 'short' }).format(utcDate(year, index, 1));
}

/** How a page writes dates: its language and the site's `Intl.DateTimeFormat` options. */
export interface DateStyle {
  lang: string;
  format: Intl.DateTimeFormatOptions;
}

/** The attributes by which a page hands its date style to a script: `data-date-lang`, `data-date-format`. */
export function dateStyleAttributes(style: DateStyle): Record<'data-date-lang' | 'data-date-format', string> {
  return { 'data-date-lang': style.lang, 'data-date-format': JSON.stringify(style.format) };
}

/** Reads the date style back from an element's dataset; what is missing or unreadable is left to `Intl`. */
export function readDateStyle(dataset: {
  dateLang?: string | undefined;
  dateFormat?: string | undefined;
}): DateStyle {
  let format: Intl.DateTimeFormatOptions = {};
  try {
    const parsed: unknown = JSON.parse(dataset.dateFormat ?? '{}');
    if (parsed !== null && typeof parsed === 'object') format = parsed as Intl.DateTimeFormatOptions;
  } catch {
    // A page without a readable format gets the language's default date.
  }
  return { lang: dataset.dateLang ?? 'und', format };
}
