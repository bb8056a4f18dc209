/** One month's bar of the timeline, in SVG user units. */
export interface TimelineBar {
  month: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Geometry of a timeline of documents per month, ready to be drawn as SVG. */
export interface Timeline {
  width: number;
  height: number;
  max: number;
  bars: TimelineBar[];
  years: { year: string; x: number }[];
}

const BAR = 6;
const GAP = 2;
const PLOT = 80;
// At least a year wide, so that a young archive's few bars do not stretch across the page.
const MIN_MONTHS = 12;

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * Lays out one bar per month from the first month to the last, empty months included so that
 * gaps in the archive show as gaps. Counts are keyed by `YYYY-MM`.
 */
export function timeline(counts: ReadonlyMap<string, number>): Timeline {
  const months = [...counts.keys()].sort();
  const first = months[0];
  const last = months.at(-1);
  const max = Math.max(0, ...counts.values());
  const bars: TimelineBar[] = [];
  const years: { year: string; x: number }[] = [];
  if (first !== undefined && last !== undefined) {
    for (let month = first, x = 0; month <= last; month = nextMonth(month), x += BAR + GAP) {
      const count = counts.get(month) ?? 0;
      const height = max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round((count / max) * PLOT));
      bars.push({ month, count, x, y: PLOT - height, width: BAR, height });
      if (month === first || month.endsWith('-01')) years.push({ year: month.slice(0, 4), x });
    }
  }
  return { width: Math.max(bars.length, MIN_MONTHS) * (BAR + GAP) - GAP, height: PLOT, max, bars, years };
}
