// Deterministic single-edit misspellings of headline words, the queries the typo benchmark types.
import { createRandom } from './corpus.ts';

/** The four kinds of single edit a typist makes. */
export const EDITS = ['insert', 'delete', 'substitute', 'transpose'] as const;

/** One kind of single edit. */
export type Edit = (typeof EDITS)[number];

/** One document's headline with one of its words misspelled. */
export interface TypoCase {
  url: string;
  headline: string;
  word: string;
  typo: string;
  edit: Edit;
  /** The headline with the word replaced by its misspelling. */
  query: string;
}

const LETTERS = [...'абвгдежзийклмнопрстуфхцчшщъыьэюя'];
// Words of five letters or more, in Cyrillic: the words whose typos the archive corrects.
const WORD = /(?<!\p{L})\p{Script=Cyrillic}{5,}(?!\p{L})/gu;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/**
 * The word with one edit at an inner position (its first and last letters stay), or null when
 * the word allows no such edit (a swap of two equal letters changes nothing).
 */
export function misspell(word: string, edit: Edit, random: () => number): string | null {
  const letters = [...word];
  const n = letters.length;
  if (n < 3) return null;
  const inner = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  if (edit === 'insert') {
    // A letter between two of the word's own: after the first, before the last.
    const at = inner(1, n - 1);
    letters.splice(at, 0, pick(LETTERS, random));
  } else if (edit === 'delete') letters.splice(inner(1, n - 2), 1);
  else if (edit === 'substitute') {
    const at = inner(1, n - 2);
    const old = (letters[at] ?? '').toLocaleLowerCase('ru');
    letters[at] = pick(
      LETTERS.filter((letter) => letter !== old),
      random,
    );
  } else {
    const places = Array.from({ length: Math.max(0, n - 3) }, (_, k) => k + 1).filter(
      (k) => letters[k]?.toLocaleLowerCase('ru') !== letters[k + 1]?.toLocaleLowerCase('ru'),
    );
    if (places.length === 0) return null;
    const at = pick(places, random);
    [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  }
  const typo = letters.join('');
  return typo.toLocaleLowerCase('ru') === word.toLocaleLowerCase('ru') ? null : typo;
}

/**
 * `count` cases from the documents' headlines, the four edits in turn, each from another
 * document taken in a seeded order; the same documents and seed give the same cases.
 */
export function typoCases(
  documents: readonly { url: string; headline: string }[],
  count = 150,
  seed = 17,
): TypoCase[] {
  const random = createRandom(seed);
  const order = [...documents].sort((a, b) => (a.url < b.url ? -1 : 1));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as (typeof order)[number], order[i] as (typeof order)[number]];
  }
  const cases: TypoCase[] = [];
  for (const { url, headline } of order) {
    if (cases.length >= count) break;
    const words = [...headline.matchAll(WORD)];
    if (words.length === 0) continue;
    const chosen = pick(words, random);
    const edit = EDITS[cases.length % EDITS.length] as Edit;
    const typo = misspell(chosen[0], edit, random);
    if (typo === null) continue;
    const at = chosen.index;
    const query = `${headline.slice(0, at)}${typo}${headline.slice(at + chosen[0].length)}`;
    cases.push({ url, headline, word: chosen[0], typo, edit, query });
  }
  return cases;
}
