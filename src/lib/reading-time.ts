const plural = new Intl.PluralRules('ru');
const MINUTES: Record<Intl.LDMLPluralRule, string> = {
  zero: 'минут',
  one: 'минута',
  two: 'минуты',
  few: 'минуты',
  many: 'минут',
  other: 'минуты',
};

/** Minutes an average reader needs for `words` words of Russian prose (at least one). */
export function readingMinutes(words: number, wordsPerMinute = 180): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Says how long a text reads, with the Russian plural: «1 минута», «3 минуты», «5 минут». */
export function formatReadingTime(words: number, wordsPerMinute = 180): string {
  const minutes = readingMinutes(words, wordsPerMinute);
  return `${minutes} ${MINUTES[plural.select(minutes)]}`;
}
