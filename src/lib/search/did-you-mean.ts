import { stemWord } from '../document/terms.ts';
import {
  chunkKey,
  foldWord,
  MAX_BUCKET_LENGTH,
  MIN_WORD_LENGTH,
  type VocabularyEntry,
} from './vocabulary.ts';

/** Edit distance with adjacent transpositions (optimal string alignment), cut off above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** How many edits a word of this length may be away from a suggestion. */
export function allowedEdits(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** The chunk keys worth loading to correct a word: same first letter, lengths within reach, its own first. */
export function chunkKeysFor(word: string): string[] {
  const folded = foldWord(word);
  const length = [...folded].length;
  if (length < MIN_WORD_LENGTH) return [];
  const edits = allowedEdits(length);
  const key = (size: number) =>
    chunkKey(`${[...folded][0] ?? ''}${'x'.repeat(Math.min(size, MAX_BUCKET_LENGTH) - 1)}`);
  const keys = new Set<string>([key(length)]);
  for (let size = Math.max(MIN_WORD_LENGTH, length - edits); size <= length + edits; size++)
    keys.add(key(size));
  return [...keys];
}

/** Whether a vocabulary chunk holds the word itself (letter case and ё aside). */
export function isKnownWord(word: string, entries: readonly VocabularyEntry[]): boolean {
  const folded = foldWord(word);
  return entries.some(([entry]) => foldWord(entry) === folded);
}

// Two forms of one word, as search tells them: the same stem (Snowball, as Pagefind stems Russian).
function sameWordForms(a: string, b: string): boolean {
  return stemWord(a) === stemWord(b);
}

/**
 * Whether the results found the word itself: a matched word begins with it (search matches
 * prefixes) or is another form of it (search matches stems).
 */
export function isMatchedWord(word: string, matched: readonly string[]): boolean {
  const folded = foldWord(word);
  return matched.some((found) => foldWord(found).startsWith(folded) || sameWordForms(found, word));
}

/** The closest vocabulary word to `word`, the more frequent one on a tie; null when none is near. */
export function nearestWord(word: string, entries: readonly VocabularyEntry[]): string | null {
  const folded = foldWord(word);
  const max = allowedEdits([...folded].length);
  let best: VocabularyEntry | null = null;
  let bestDistance = max + 1;
  for (const entry of entries) {
    const distance = editDistance(folded, foldWord(entry[0]), bestDistance);
    if (distance === 0) return null;
    if (distance < bestDistance || (distance === bestDistance && best && entry[1] > best[1])) {
      best = entry;
      bestDistance = distance;
    }
  }
  return best && bestDistance <= max ? best[0] : null;
}

/** Splits a query into the words a suggestion may replace. */
export function queryWords(query: string): string[] {
  return query.match(/\p{L}+|[^\p{L}]+/gu) ?? [];
}

/**
 * Rewrites a query with each unknown word replaced by its nearest archive word, or returns null
 * when no word changes. `entriesFor` gives the loaded vocabulary entries for one word; `matched`
 * are the words the results found: a word they found is known (see `isMatchedWord`), and a
 * correction that is only another form of one of them would tell the reader nothing the results
 * do not show.
 */
export function suggestQuery(
  query: string,
  entriesFor: (word: string) => readonly VocabularyEntry[],
  matched: readonly string[] = [],
): string | null {
  let changed = false;
  const words = queryWords(query).map((piece) => {
    if (!/^\p{L}+$/u.test(piece) || [...piece].length < MIN_WORD_LENGTH || isMatchedWord(piece, matched))
      return piece;
    const near = nearestWord(piece, entriesFor(piece));
    if (near === null || matched.some((word) => sameWordForms(word, near))) return piece;
    changed = true;
    return near;
  });
  return changed ? words.join('') : null;
}
