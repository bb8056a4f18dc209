import { describe, expect, it } from 'vitest';
import { timeline } from '../../../../src/lib/site/timeline.ts';
import { barTitle, timelineSummary } from '../../../../src/lib/site/timeline-text.ts';

const ru = { lang: 'ru' };
const chartOf = (...months: [string, number][]) => timeline(new Map(months), ru);

describe('timeline phrases', () => {
  it('says the span with the months in their cases: «с декабря 2018 по июль 2019»', () => {
    const chart = chartOf(['2018-12', 2], ['2019-06', 0], ['2019-07', 3]);
    expect(timelineSummary(chart, 'ru')).toBe(
      'Материалы по месяцам с декабря 2018 по июль 2019: всего 5 материалов, больше всего за месяц — 3.',
    );
  });

  it('names the breaks and agrees every count with its noun', () => {
    const chart = chartOf(['0001-01', 1], ['9999-11', 1]);
    expect(timelineSummary(chart, 'ru')).toBe(
      'Материалы по месяцам с января 1 по ноябрь 9999: всего 2 материала, больше всего за месяц — 1. ' +
        'Нет материалов с февраля 1 по октябрь 9999.',
    );
    expect(barTitle('2024-11', 1, 'ru')).toBe('Ноябрь 2024: 1 материал');
    expect(barTitle('2024-11', 22, 'ru')).toBe('Ноябрь 2024: 22 материала');
  });

  it('speaks of one month without a span, and of an empty archive', () => {
    expect(timelineSummary(timeline(new Map([['2025-12', 21]]), ru), 'ru')).toBe(
      'Материалы за декабрь 2025: всего 21 материал.',
    );
    expect(timelineSummary(timeline(new Map(), ru), 'ru')).toBe('Материалов пока нет.');
  });
});
