import { isMonthKey, monthIndex, monthKey } from './month-index.ts';
import { timelineLabels, type TimelineLabel, type TimelineSegment } from './timeline-labels.ts';

/** One month's bar of the timeline, in SVG user units. */
export interface TimelineBar {
  month: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A stretch of more than two years without documents, drawn two years wide and marked as a break. */
export interface TimelineBreak {
  /** First and last month without documents, `YYYY-MM`. */
  from: string;
  to: string;
  x: number;
  width: number;
}

/** Geometry of a timeline of documents per month, ready to be drawn as SVG. */
export interface Timeline {
  width: number;
  height: number;
  max: number;
  /** First and last month the chart covers (`YYYY-MM`), when it covers any. */
  first?: string;
  last?: string;
  bars: TimelineBar[];
  breaks: TimelineBreak[];
  labels: TimelineLabel[];
}

/** The language of the labels and the months a chart must cover even without documents. */
export interface TimelineOptions {
  lang: string;
  from?: string;
  to?: string;
}

const BAR = 6;
const SLOT = 8;
const PLOT = 80;
// A month with one document beside one with hundreds still shows as a bar, not as a hairline.
const MIN_HEIGHT = 2;
// At least a year wide, so that a young archive's few bars do not stretch across the page.
const MIN_MONTHS = 12;
// Empty months up to two years are drawn as they are; a longer gap is drawn two years wide, as a
// break, so that the chart costs what its months with documents cost, whatever the span of dates.
const LONGEST_GAP = 24;

// Runs of months whose gaps are at most two years, each placed after the previous and its break.
function segments(indexes: readonly number[]): TimelineSegment[] {
  const runs: TimelineSegment[] = [];
  for (const index of indexes) {
    const run = runs.at(-1);
    if (run && index - run.last - 1 <= LONGEST_GAP) run.last = index;
    else {
      const slot = run ? run.slot + run.last - run.first + 1 + LONGEST_GAP : 0;
      runs.push({ first: index, last: index, slot });
    }
  }
  return runs;
}

/**
 * Lays out one bar per month that has documents, at its place in time: gaps of up to two years show
 * as empty space, longer ones as a break two years wide. Counts are keyed by `YYYY-MM`.
 */
export function timeline(counts: ReadonlyMap<string, number>, options: TimelineOptions): Timeline {
  const months = [...counts].filter(([key, count]) => isMonthKey(key) && count > 0);
  const max = Math.max(0, ...months.map(([, count]) => count));
  const points = new Set(months.map(([key]) => monthIndex(key)));
  for (const edge of [options.from, options.to]) if (edge && isMonthKey(edge)) points.add(monthIndex(edge));
  const runs = segments([...points].sort((a, b) => a - b));
  const bars: TimelineBar[] = [];
  let run = 0;
  for (const [month, count] of months.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const index = monthIndex(month);
    while ((runs[run]?.last ?? index) < index) run += 1;
    const { first, slot } = runs[run] as TimelineSegment;
    const height = Math.max(MIN_HEIGHT, Math.round((count / max) * PLOT));
    bars.push({ month, count, x: (slot + index - first) * SLOT, y: PLOT - height, width: BAR, height });
  }
  const breaks = runs.slice(1).map((run, position): TimelineBreak => {
    const before = runs[position] as TimelineSegment;
    return {
      from: monthKey(before.last + 1),
      to: monthKey(run.first - 1),
      x: (before.slot + before.last - before.first + 1) * SLOT,
      width: LONGEST_GAP * SLOT - (SLOT - BAR),
    };
  });
  const lastRun = runs.at(-1);
  const slots = lastRun ? lastRun.slot + lastRun.last - lastRun.first + 1 : 0;
  const width = Math.max(slots, MIN_MONTHS) * SLOT - (SLOT - BAR);
  const first = runs[0];
  return {
    width,
    height: PLOT,
    max,
    ...(first && lastRun && { first: monthKey(first.first), last: monthKey(lastRun.last) }),
    bars,
    breaks,
    labels: timelineLabels(runs, { slot: SLOT, width, lang: options.lang }),
  };
}
