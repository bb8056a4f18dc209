import { formatMonth, monthName } from './format-date.ts';
import { countRu, DOCUMENTS } from './plural-ru.ts';
import type { Timeline, TimelineBreak } from './timeline.ts';

/** A bar's tooltip: «Ноябрь 2024: 2 материала». */
export function barTitle(month: string, count: number, lang: string): string {
  return `${formatMonth(month, lang)}: ${countRu(count, DOCUMENTS)}`;
}

/** A break's tooltip: «Нет материалов с февраля 2001 по октябрь 2019». */
export function breakTitle(gap: Pick<TimelineBreak, 'from' | 'to'>, lang: string): string {
  return `Нет материалов с ${monthName(gap.from, lang, 'genitive')} по ${monthName(gap.to, lang)}`;
}

/**
 * The chart in one sentence, for its accessible name: «Материалы по месяцам с декабря 2018 по
 * декабрь 2025: всего 8, больше всего за месяц — 3.», with the breaks after it.
 */
export function timelineSummary(chart: Timeline, lang: string): string {
  const { first, last } = chart;
  const total = chart.bars.reduce((sum, bar) => sum + bar.count, 0);
  if (first === undefined || last === undefined || total === 0) return 'Материалов пока нет.';
  const span =
    first === last
      ? `Материалы за ${monthName(first, lang)}`
      : `Материалы по месяцам с ${monthName(first, lang, 'genitive')} по ${monthName(last, lang)}`;
  const most = chart.bars.length > 1 ? `, больше всего за месяц — ${chart.max}` : '';
  const gaps = chart.breaks.map((gap) => ` ${breakTitle(gap, lang)}.`).join('');
  return `${span}: всего ${countRu(total, DOCUMENTS)}${most}.${gaps}`;
}
