import { CborCursor, cborHead } from './cbor.ts';

/** A word of Pagefind's index: its key, and its entry as CBOR (the key and every page it is on). */
export interface IndexWord {
  key: string;
  bytes: Uint8Array;
}

/** The range of keys an index chunk answers for, as Pagefind's metadata names it. */
export interface ChunkRange {
  from: string;
  to: string;
}

/** The words of an index chunk (its CBOR, without signature), in their order, each entry's bytes as they are. */
export function chunkWords(chunk: Uint8Array): IndexWord[] {
  const cursor = new CborCursor(chunk);
  const expect = (major: number, what: string): number => {
    const head = cursor.head();
    if (head.major !== major) throw new Error(`pf_index: ${what} expected`);
    return head.value;
  };
  expect(4, 'the chunk');
  const words: IndexWord[] = [];
  for (let left = expect(4, 'the word list'); left > 0; left -= 1) {
    const start = cursor.at;
    // A word is its key, its pages, then what the version adds (1.6: its positions in meta fields).
    const parts = expect(4, 'a word');
    const key = new TextDecoder().decode(cursor.take(expect(3, "a word's key")));
    for (let part = 1; part < parts; part += 1) cursor.skip();
    words.push({ key, bytes: chunk.subarray(start, cursor.at) });
  }
  if (cursor.at !== chunk.length) throw new Error('pf_index: bytes after the word list');
  return words;
}

/** An index chunk: its own words, a run of the key order, and copies of words that are its keys' forms. */
export interface IndexChunk {
  words: IndexWord[];
  forms: IndexWord[];
}

/** The CBOR of an index chunk, as Pagefind writes one: its words, then the copied forms. */
export function chunkOf({ words, forms }: IndexChunk): Uint8Array {
  const all = [...words, ...forms];
  const head = [...cborHead(4, 1), ...cborHead(4, all.length)];
  const out = new Uint8Array(head.length + all.reduce((sum, word) => sum + word.bytes.length, 0));
  out.set(head);
  let at = head.length;
  for (const word of all) {
    out.set(word.bytes, at);
    at += word.bytes.length;
  }
  return out;
}

const letters = (key: string): number => [...key].length;
// Pagefind looks a query key up in the one chunk whose range holds it, and matches there every
// longer key it begins. A word's forms may be stemmed to a key one letter longer than its stem
// («нов» of «нового», «новы» of «новый» once «й» is folded, «кра» and «краи» of «края» and
// «край»): such a key is copied into the stem's chunk when the cut put it in another.
const SHORTEST_STEM = 3;

/** How an index is cut: the most bytes of a chunk's own words, and of a word copied as a form. */
export interface IndexCut {
  chunkBytes: number;
  formBytes: number;
}

/**
 * Words (in key order) cut into runs of at most `chunkBytes` (a larger word alone), each with
 * copies of the keys one letter longer than one of its keys that lie in a later run, those of at
 * most `formBytes` (a larger one is a frequent word of its own, not worth its bytes twice).
 */
export function cutIndex(words: readonly IndexWord[], { chunkBytes, formBytes }: IndexCut): IndexChunk[] {
  const chunks: IndexChunk[] = [];
  const home = new Map<string, IndexChunk>();
  let size = 0;
  for (const word of words) {
    let chunk = chunks.at(-1);
    if (!chunk || (size > 0 && size + word.bytes.length > chunkBytes)) {
      chunk = { words: [], forms: [] };
      chunks.push(chunk);
      size = 0;
    }
    chunk.words.push(word);
    size += word.bytes.length;
    home.set(word.key, chunk);
    const stem = [...word.key].slice(0, -1).join('');
    const stemChunk = letters(stem) >= SHORTEST_STEM ? home.get(stem) : undefined;
    if (stemChunk && stemChunk !== chunk && word.bytes.length <= formBytes) stemChunk.forms.push(word);
  }
  return chunks;
}

// Pagefind's boundary between two chunks: each side's key up to one letter past what they share.
function boundary(last: string, first: string): [string, string] {
  const a = [...last];
  const b = [...first];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** Each chunk's range as Pagefind names it: its first and last own keys, shortened to where neighbours differ. */
export function chunkRanges(chunks: readonly IndexChunk[]): ChunkRange[] {
  const ranges = chunks.map(({ words }) => ({ from: words[0]?.key ?? '', to: words.at(-1)?.key ?? '' }));
  for (let at = 0; at + 1 < ranges.length; at += 1) {
    const [to, from] = boundary((ranges[at] as ChunkRange).to, (ranges[at + 1] as ChunkRange).from);
    (ranges[at] as ChunkRange).to = to;
    (ranges[at + 1] as ChunkRange).from = from;
  }
  return ranges;
}
