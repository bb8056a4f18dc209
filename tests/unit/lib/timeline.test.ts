import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/lib/timeline.ts';

describe('timeline', () => {
  it('draws one bar per month from the first to the last, empty months included', () => {
    const chart = timeline(
      new Map([
        ['2024-11', 4],
        ['2025-02', 2],
      ]),
    );
    expect(chart.bars.map((bar) => [bar.month, bar.count])).toEqual([
      ['2024-11', 4],
      ['2024-12', 0],
      ['2025-01', 0],
      ['2025-02', 2],
    ]);
    expect(chart.years).toEqual([
      { year: '2024', x: chart.bars[0]?.x },
      { year: '2025', x: chart.bars[2]?.x },
    ]);
  });

  it('scales the tallest month to the full height and keeps small months visible', () => {
    const chart = timeline(
      new Map([
        ['2025-01', 1000],
        ['2025-02', 1],
      ]),
    );
    const [tall, small] = chart.bars;
    expect(tall?.height).toBe(chart.height);
    expect(small?.height).toBe(1);
    expect(small?.y).toBe(chart.height - 1);
  });

  it('draws nothing for an empty archive', () => {
    expect(timeline(new Map()).bars).toEqual([]);
  });

  it('is at least a year wide so a single month stays a narrow bar', () => {
    const chart = timeline(new Map([['2025-01', 3]]));
    expect(chart.bars[0]?.width).toBeLessThan(chart.width / 10);
  });
});
