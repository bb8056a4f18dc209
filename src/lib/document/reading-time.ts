import { countRu } from '../site/plural-ru.ts';

const MINUTES = { one: 'минута', few: 'минуты', many: 'минут' };

/** Minutes an average reader needs for `words` words of Russian prose (at least one). */
export function readingMinutes(words: number, wordsPerMinute = 180): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Says how long a text reads, with the Russian plural: «1 минута», «3 минуты», «5 минут». */
export function formatReadingTime(words: number, wordsPerMinute = 180): string {
  return countRu(readingMinutes(words, wordsPerMinute), MINUTES);
}
