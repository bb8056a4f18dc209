import { describe, expect, it } from 'vitest';
import { timeline, type Timeline } from '../../../../src/lib/site/timeline.ts';
import { LABEL_TIERS, labelBox } from '../../../../src/lib/site/timeline-labels.ts';

const ru = { lang: 'ru' };
const chartOf = (...months: [string, number][]) => timeline(new Map(months), ru);
const monthsOf = (from: number, to: number): Map<string, number> => {
  const counts = new Map<string, number>();
  for (let year = from; year <= to; year += 1)
    for (let month = 1; month <= 12; month += 1)
      counts.set(
        `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
        1 + ((year + month) % 7),
      );
  return counts;
};

// Each tier's labels, with those of the tiers before it, laid out at that tier's width.
function overlaps(chart: Timeline): string[] {
  const found: string[] = [];
  LABEL_TIERS.forEach((width, tier) => {
    const boxes = chart.labels
      .filter((label) => label.tier <= tier)
      .map((label) => ({ text: label.text, box: labelBox(label, width) }))
      .sort((a, b) => a.box[0] - b.box[0]);
    boxes.forEach(({ text, box }, index) => {
      const next = boxes[index + 1];
      if (next && next.box[0] < box[1]) found.push(`${text}/${next.text} at ${width}rem`);
      if (box[0] < 0 || box[1] > width) found.push(`${text} outside at ${width}rem`);
    });
  });
  return found;
}

describe('timeline', () => {
  it('draws a bar for each month with documents, at its place in time', () => {
    const chart = chartOf(['2024-11', 4], ['2025-02', 2]);
    expect(chart.bars.map((bar) => [bar.month, bar.count, bar.x])).toEqual([
      ['2024-11', 4, 0],
      ['2025-02', 2, 24],
    ]);
    expect(chart.breaks).toEqual([]);
    expect([chart.first, chart.last]).toEqual(['2024-11', '2025-02']);
  });

  it('scales the tallest month to the full height and keeps small months visible', () => {
    const chart = chartOf(['2025-01', 1000], ['2025-02', 1]);
    const [tall, small] = chart.bars;
    expect(tall?.height).toBe(chart.height);
    expect(small?.height).toBe(2);
    expect(small?.y).toBe(chart.height - 2);
  });

  it('draws nothing for an empty archive', () => {
    const chart = timeline(new Map(), ru);
    expect([chart.bars, chart.breaks, chart.labels]).toEqual([[], [], []]);
  });

  it('is at least a year wide so a single month stays a narrow bar', () => {
    const chart = timeline(new Map([['2025-01', 3]]), ru);
    expect(chart.bars[0]?.width).toBeLessThan(chart.width / 10);
  });

  it('ends at the last month of year 9999 without running past it', () => {
    const chart = chartOf(['9999-11', 1], ['9999-12', 2]);
    expect(chart.bars.map((bar) => bar.month)).toEqual(['9999-11', '9999-12']);
    expect(chart.last).toBe('9999-12');
  });

  it('costs what the months with documents cost, whatever the span: a long gap is one break', () => {
    const chart = chartOf(['0001-01', 1], ['9999-11', 1], ['9999-12', 1]);
    expect(chart.bars).toHaveLength(3);
    expect(chart.breaks).toEqual([{ from: '0001-02', to: '9999-10', x: 8, width: 190 }]);
    expect(chart.bars.map((bar) => bar.x)).toEqual([0, 200, 208]);
    expect(chart.width).toBe(214);
    expect(chart.labels.map((label) => label.text)).toEqual(['0001', '9999']);
  });

  it('shows gaps up to two years as empty space and longer ones as a break two years wide', () => {
    const chart = chartOf(['2020-01', 1], ['2022-01', 1], ['2024-03', 1]);
    expect(chart.breaks.map((gap) => [gap.from, gap.to])).toEqual([['2022-02', '2024-02']]);
    // 23 empty months take 23 slots; 25 empty months (the break) take 24.
    expect(chart.bars.map((bar) => bar.x / 8)).toEqual([0, 24, 49]);
  });

  it('covers a given span without documents at its ends, as a year page does', () => {
    const chart = timeline(new Map([['2024-11', 2]]), { lang: 'ru', from: '2024-01', to: '2024-12' });
    expect([chart.first, chart.last]).toEqual(['2024-01', '2024-12']);
    expect(chart.bars[0]?.x).toBe(80);
  });

  it('labels one month with its name and year', () => {
    const chart = timeline(new Map([['2025-12', 3]]), ru);
    expect(chart.labels).toEqual([{ text: 'дек. 2025', x: 0, anchor: 'start', tier: 0 }]);
  });

  it('names the months of a single year, by quarters where a month is too narrow for its name', () => {
    const chart = timeline(new Map([['2024-06', 2]]), { lang: 'ru', from: '2024-01', to: '2024-12' });
    expect(chart.labels.map((label) => label.text)).toEqual(['янв. 2024', 'апр.', 'июль', 'окт.']);
    expect(overlaps(chart)).toEqual([]);
  });

  it('never overlaps year labels when the first year has one month', () => {
    const counts = monthsOf(2019, 2025);
    counts.set('2018-12', 4);
    const chart = timeline(counts, ru);
    expect(overlaps(chart)).toEqual([]);
    expect(chart.labels[0]).toMatchObject({ text: '2018', x: 0, tier: 0 });
    const years = chart.labels.map((label) => label.text);
    expect(years).toContain('2025');
  });

  it('thins out the labels of a hundred years by the room they need at each width', () => {
    const chart = timeline(monthsOf(1926, 2025), ru);
    expect(chart.bars).toHaveLength(1200);
    expect(overlaps(chart)).toEqual([]);
    const perTier = LABEL_TIERS.map((_, tier) => chart.labels.filter((label) => label.tier <= tier).length);
    expect(perTier[0]).toBeGreaterThanOrEqual(2);
    expect(perTier.at(-1)).toBeGreaterThanOrEqual(8);
    // Every tenth year once there is room, never an irregular mix.
    const years = chart.labels.slice(1).map((label) => Number(label.text));
    expect(years.every((year) => year % 10 === 0)).toBe(true);
  });

  it('labels each side of a break, also for documents from 0001 to 9999', () => {
    const counts = monthsOf(2000, 2002);
    counts.set('0001-01', 1);
    counts.set('9999-12', 1);
    const chart = timeline(counts, ru);
    expect(chart.breaks).toHaveLength(2);
    expect(overlaps(chart)).toEqual([]);
    const texts = chart.labels.map((label) => label.text);
    expect(texts).toEqual(expect.arrayContaining(['0001', '2000', '9999']));
  });

  it('ignores keys that are not months and months without documents', () => {
    const chart = chartOf(['2025-13', 4], ['garbage', 1], ['2025-01', 0], ['2025-02', 2]);
    expect(chart.bars.map((bar) => bar.month)).toEqual(['2025-02']);
  });
});
