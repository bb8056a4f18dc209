import { shortMonthName } from './format-date.ts';
import { monthKey } from './month-index.ts';

/** A run of months drawn side by side: month indexes `first`–`last`, starting at slot `slot`. */
export interface TimelineSegment {
  first: number;
  last: number;
  slot: number;
}

/** A label under the chart: its text, its tick (a fraction of the chart's width) and its tier. */
export interface TimelineLabel {
  text: string;
  x: number;
  /** How the text stands to its tick: centred, or starting or ending there at the chart's edges. */
  anchor: 'start' | 'middle' | 'end';
  /** The label shows once the chart is at least `LABEL_TIERS[tier]` rem wide. */
  tier: number;
}

/** Chart widths (rem) from which each tier of labels shows; Timeline.astro's container queries match. */
// A phone of 320 px gives the chart 17.5rem, one of 390 px 21.9rem; the reading column at most 42rem.
export const LABEL_TIERS = [15, 21, 28, 40] as const;

/** The labels' font size (rem), as Timeline.astro sets it. */
export const LABEL_FONT_REM = 0.875;

// Widths are estimated, not measured: generous for the widest of the usual sans-serif faces
// (DejaVu Sans digits are 0.64 em); and a gap that keeps two labels apart.
const CHAR_EM = 0.66;
const SPACE_REM = 0.75;
// Steps between regular labels; each tier's step divides the step of the tier before, so that
// a wider chart only adds labels between those it already has.
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
const MONTH_STEPS = [1, 2, 3, 6];

type Label = Omit<TimelineLabel, 'tier'>;

const yearOf = (index: number): number => Math.floor(index / 12);
const textRem = (text: string): number => text.length * CHAR_EM * LABEL_FONT_REM;

/** Where a label's text lies (rem from the chart's start) when the chart is `chartRem` wide. */
export function labelBox(label: Label, chartRem: number): [number, number] {
  const width = textRem(label.text);
  const tick = label.x * chartRem;
  if (label.anchor === 'start') return [tick, tick + width];
  if (label.anchor === 'end') return [tick - width, tick];
  return [tick - width / 2, tick + width / 2];
}

// Centred on its tick unless that would cross an edge of the narrowest chart.
function label(text: string, x: number): Label {
  const half = textRem(text) / 2;
  const narrowest = LABEL_TIERS[0];
  const anchor = x * narrowest < half ? 'start' : (1 - x) * narrowest < half ? 'end' : 'middle';
  return { text, x, anchor };
}

interface Candidates {
  /** Where the chart begins and where it resumes after a break: labelled first. */
  starts: Label[];
  /** Every year (or month) start, with the number that the steps divide. */
  regular: (Label & { unit: number })[];
  /** Slots from one unit to the next (12 for years, 1 for months), and the steps to choose from. */
  slotsPerUnit: number;
  steps: readonly number[];
}

function yearCandidates(runs: readonly TimelineSegment[], at: (slot: number) => number): Candidates {
  const starts = runs.map((run) => label(monthKey(run.first).slice(0, 4), at(run.slot)));
  const regular = runs.flatMap((run) => {
    const found: (Label & { unit: number })[] = [];
    for (let year = yearOf(run.first) + 1; year * 12 <= run.last; year += 1)
      found.push({
        ...label(String(year).padStart(4, '0'), at(run.slot + year * 12 - run.first)),
        unit: year,
      });
    return found;
  });
  return { starts, regular, slotsPerUnit: 12, steps: YEAR_STEPS };
}

// Within one year the months are named, the first with its year.
function monthCandidates(run: TimelineSegment, at: (slot: number) => number, lang: string): Candidates {
  const first = monthKey(run.first);
  const starts = [label(`${shortMonthName(first, lang)} ${first.slice(0, 4)}`, at(run.slot))];
  const regular: (Label & { unit: number })[] = [];
  for (let index = run.first + 1; index <= run.last; index += 1)
    regular.push({
      ...label(shortMonthName(monthKey(index), lang), at(run.slot + index - run.first)),
      unit: index % 12,
    });
  return { starts, regular, slotsPerUnit: 1, steps: MONTH_STEPS };
}

function fits(chosen: Iterable<Label>, next: Label, chartRem: number): boolean {
  const [start, end] = labelBox(next, chartRem);
  if (start < 0 || end > chartRem) return false;
  for (const other of chosen) {
    const [otherStart, otherEnd] = labelBox(other, chartRem);
    if (end + SPACE_REM > otherStart && otherEnd + SPACE_REM > start) return false;
  }
  return true;
}

/**
 * Chooses the labels of a chart so that none overlaps another at any width: the chart's start and
 * each restart after a break, then every n-th year (or month), n as small as the room allows; each
 * tier adds what fits beside the labels of the tiers before it once the chart is that tier's width.
 */
export function timelineLabels(
  runs: readonly TimelineSegment[],
  chart: { slot: number; width: number; lang: string },
): TimelineLabel[] {
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last) return [];
  const at = (slot: number): number => (slot * chart.slot) / chart.width;
  const oneYear = yearOf(first.first) === yearOf(last.last);
  const { starts, regular, slotsPerUnit, steps } = oneYear
    ? monthCandidates(first, at, chart.lang)
    : yearCandidates(runs, at);
  const widest = Math.max(0, ...regular.map((candidate) => textRem(candidate.text))) + SPACE_REM;
  const chosen = new Set<Label>();
  const labels: TimelineLabel[] = [];
  let step: number | undefined;
  LABEL_TIERS.forEach((chartRem, tier) => {
    const unitRem = (slotsPerUnit * chart.slot * chartRem) / chart.width;
    step =
      steps.find((size) => (step === undefined || step % size === 0) && size * unitRem >= widest) ?? step;
    const regulars =
      step === undefined ? [] : regular.filter((candidate) => candidate.unit % (step ?? 1) === 0);
    for (const next of [...starts, ...regulars]) {
      if (chosen.has(next) || !fits(chosen, next, chartRem)) continue;
      chosen.add(next);
      labels.push({ text: next.text, x: next.x, anchor: next.anchor, tier });
    }
  });
  return labels.sort((a, b) => a.x - b.x);
}
