// Queries with a known best answer, picked from the documents of a built site the way a reader
// would search for them: a rare phrase of a text, a headline, two words of a headline.
import { createHash } from 'node:crypto';
import { foldWord } from '../../src/lib/search/bundle-size.ts';
import { packedFragments } from '../../tests/support/fragment-packs.ts';

/** One document as the search index holds it. */
export interface IndexedDocument {
  url: string;
  title: string;
  content: string;
}

/** A query and the document that should come first for it. */
export interface KnownQuery {
  query: string;
  url: string;
}

/** Every document of a built site's search bundles, read from their fragment packs. */
export function readIndexedDocuments(dist: string): IndexedDocument[] {
  return packedFragments(dist)
    .map(({ data }) => {
      const meta = data['meta'] as { title?: string } | undefined;
      return { url: data.url, title: meta?.title ?? '', content: data.content };
    })
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}

// A word a reader would type: Cyrillic letters only (a trailing comma or stop aside, which ends
// a sentence or clause but not the word); anything else breaks a phrase.
const WORD = /^(\p{Script=Cyrillic}{2,})[.,;:!?»)]?$/u;

/** A word of a text as typed, and as the index compares it. */
interface Word {
  typed: string;
  key: string;
}

/** Runs of plain words of a text (each run ends where punctuation ends a word). */
function runs(text: string): Word[][] {
  const out: Word[][] = [[]];
  for (const token of text.split(/[\s\u00a0]+/u)) {
    const match = WORD.exec(token);
    if (!match?.[1]) {
      out.push([]);
      continue;
    }
    out.at(-1)?.push({ typed: match[1].toLocaleLowerCase(), key: foldWord(match[1]) });
    if (match[1] !== token) out.push([]);
  }
  return out.filter((run) => run.length > 0);
}

const order = (key: string): string => createHash('sha1').update(key).digest('hex');
const byHash =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    order(key(a)) < order(key(b)) ? -1 : 1;

/**
 * Rare phrases: three consecutive words (in a document's text or headline) found together in no
 * other document, while at least one other document holds all three apart, so word counts alone
 * cannot tell the two. One per document, `count` of them, in an order fixed by their hashes.
 */
export function rarePhrases(documents: readonly IndexedDocument[], count: number): KnownQuery[] {
  const holders = new Map<string, Set<number>>();
  const withWord = new Map<string, Set<number>>();
  const phrases = documents.map((document, at) => {
    const own = new Map<string, string>();
    for (const run of [...runs(document.title), ...runs(document.content)]) {
      for (const { key } of run) (withWord.get(key) ?? withWord.set(key, new Set()).get(key))?.add(at);
      for (let start = 0; start + 3 <= run.length; start += 1) {
        const three = run.slice(start, start + 3);
        own.set(three.map(({ key }) => key).join(' '), three.map(({ typed }) => typed).join(' '));
      }
    }
    for (const key of own.keys()) (holders.get(key) ?? holders.set(key, new Set()).get(key))?.add(at);
    return own;
  });
  const apart = (key: string): boolean => {
    const [first, ...rest] = key.split(' ').map((word) => withWord.get(word) ?? new Set<number>());
    let both = 0;
    for (const at of first ?? []) if (rest.every((set) => set.has(at)) && ++both > 1) return true;
    return false;
  };
  const picked: KnownQuery[] = [];
  for (const { document, at } of documents
    .map((document, at) => ({ document, at }))
    .sort(byHash(({ document }) => document.url))) {
    if (picked.length >= count) break;
    const rare = [...(phrases[at] ?? new Map<string, string>())]
      .filter(([key]) => holders.get(key)?.size === 1 && apart(key))
      .sort(byHash(([key]) => key));
    if (rare[0]) picked.push({ query: rare[0][1], url: document.url });
  }
  return picked;
}

const folded = (text: string): string[] =>
  text
    .split(/[\s\u00a0]+/u)
    .map(foldWord)
    .filter(Boolean);

/** Headlines of two words or more that no other document shares, each as its own query (typed with plain spaces). */
export function wholeHeadlines(documents: readonly IndexedDocument[], count: number): KnownQuery[] {
  const seen = new Map<string, number>();
  for (const { title } of documents)
    seen.set(folded(title).join(' '), (seen.get(folded(title).join(' ')) ?? 0) + 1);
  return documents
    .filter(({ title }) => folded(title).length > 1 && seen.get(folded(title).join(' ')) === 1)
    .sort(byHash(({ url }) => url))
    .slice(0, count)
    .map(({ title, url }) => ({ query: title.replace(/[\s\u00a0]+/gu, ' '), url }));
}

/**
 * Two consecutive words of a headline of three words or more, the first such pair (of words of
 * three letters or more) that no other headline holds.
 */
export function headlineWords(documents: readonly IndexedDocument[], count: number): KnownQuery[] {
  const pairs = (title: string): { key: string; typed: string }[] => {
    const words = title.split(/[\s\u00a0]+/u).filter((word) => foldWord(word) !== '');
    return words.slice(1).flatMap((word, at) => {
      const first = words[at] ?? '';
      if (foldWord(first).length < 3 || foldWord(word).length < 3) return [];
      const typed = [first, word]
        .map((one) => one.replace(/[^\p{L}\p{N}]/gu, '').toLocaleLowerCase())
        .join(' ');
      return [{ key: `${foldWord(first)} ${foldWord(word)}`, typed }];
    });
  };
  const holders = new Map<string, number>();
  for (const { title } of documents)
    for (const key of new Set(pairs(title).map((pair) => pair.key)))
      holders.set(key, (holders.get(key) ?? 0) + 1);
  const picked: KnownQuery[] = [];
  for (const { title, url } of [...documents].sort(byHash(({ url }) => url))) {
    if (picked.length >= count) break;
    if (folded(title).length < 3) continue;
    const pair = pairs(title).find(({ key }) => holders.get(key) === 1);
    if (pair) picked.push({ query: pair.typed, url });
  }
  return picked;
}
