/** One vocabulary word and how often the archive uses it. */
export type VocabularyEntry = [word: string, count: number];

/** Words this short are left out: a typo in them has too many near neighbours to guess. */
export const MIN_WORD_LENGTH = 3;
/** Longer words share the last length bucket. */
export const MAX_BUCKET_LENGTH = 20;

const WORD = /\p{L}+/gu;

/** Folds a word the way search does: lower case, ё read as е. */
export function foldWord(word: string): string {
  return word.toLocaleLowerCase('ru').replace(/ё/gu, 'е');
}

/** Names the chunk holding a word: its first letter (as a code point) and its length. */
export function chunkKey(word: string): string {
  const folded = foldWord(word);
  const first = folded.codePointAt(0) ?? 0;
  return `${first.toString(16)}-${Math.min([...folded].length, MAX_BUCKET_LENGTH)}`;
}

/** Counts the words of a text into `counts`, keyed by their lower-case form. */
export function countWordsInto(text: string, counts: Map<string, number>): void {
  // Once per text, not per word; Russian has no locale-specific lower case, so no locale either.
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    // The minimum is in code points; UTF-16 length differs only for astral letters, which are rare.
    if (
      word.length < MIN_WORD_LENGTH ||
      (word.length < 2 * MIN_WORD_LENGTH && [...word].length < MIN_WORD_LENGTH)
    )
      continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}

/** Splits counted words into chunks by `chunkKey`, most frequent first, dropping rare words. */
export function vocabularyChunks(
  counts: ReadonlyMap<string, number>,
  minCount = 1,
): Map<string, VocabularyEntry[]> {
  const chunks = new Map<string, VocabularyEntry[]>();
  for (const [word, count] of counts) {
    if (count < minCount) continue;
    const key = chunkKey(word);
    const chunk = chunks.get(key) ?? [];
    chunk.push([word, count]);
    chunks.set(key, chunk);
  }
  for (const chunk of chunks.values()) chunk.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return chunks;
}
