import { describe, expect, it } from 'vitest';
import { encodeCbor, type CborValue } from '../../../../src/lib/search/cbor.ts';
import {
  chunkOf,
  chunkRanges,
  chunkWords,
  cutIndex,
  type IndexChunk,
  type IndexWord,
} from '../../../../src/lib/search/index-chunks.ts';

// A chunk shaped as Pagefind 1.6 writes one: [[[key, [[page, [positions…], [meta positions…]]…],
// […]]…]], a negative position changing the weight of those after it.
const chunk = (entries: [string, number][]): Uint8Array =>
  encodeCbor([
    entries.map(([key, pages]): CborValue => [
      key,
      Array.from({ length: pages }, (_, page) => [page, [-26, page, 400], page % 2 ? [-1, 0] : []]),
      [],
    ]),
  ]);

const words = (keys: string[], bytes = 10): IndexWord[] =>
  keys.map((key) => ({ key, bytes: new Uint8Array(bytes) }));
const keysOf = (chunks: IndexChunk[]): string[][] => chunks.map((one) => one.words.map(({ key }) => key));

describe('index chunks', () => {
  it('read each word of a Pagefind chunk and write the same bytes back', () => {
    const bytes = chunk([
      ['нов', 3],
      ['новост', 300],
      ['новы', 1],
    ]);
    const read = chunkWords(bytes);
    expect(read.map(({ key }) => key)).toEqual(['нов', 'новост', 'новы']);
    expect(chunkOf({ words: read, forms: [] })).toEqual(bytes);
    expect(chunkOf({ words: read.slice(0, 1), forms: read.slice(2) })).toEqual(
      chunk([
        ['нов', 3],
        ['новы', 1],
      ]),
    );
  });

  it('refuse bytes that are not a word index', () => {
    expect(() => chunkWords(encodeCbor([[7]]))).toThrow(/a word expected/u);
    expect(() => chunkWords(new Uint8Array([...chunk([['a', 1]]), 0]))).toThrow(/bytes after/u);
  });

  it('are cut before a word that would take a chunk past its bytes, keeping every word once and in order', () => {
    const cut = cutIndex(words(['арбуз', 'банан', 'вишня', 'груша', 'дыня', 'ежевика', 'жимолость']), {
      chunkBytes: 25,
      formBytes: 0,
    });
    expect(keysOf(cut)).toEqual([['арбуз', 'банан'], ['вишня', 'груша'], ['дыня', 'ежевика'], ['жимолость']]);
  });

  it('give a word larger than a chunk a chunk of its own', () => {
    const index = [...words(['абак', 'абзац']), ...words(['был'], 100), ...words(['вал', 'век'])];
    expect(keysOf(cutIndex(index, { chunkBytes: 25, formBytes: 0 }))).toEqual([
      ['абак', 'абзац'],
      ['был'],
      ['вал', 'век'],
    ]);
  });

  it("copy into a stem's chunk the keys one letter longer that the cut put elsewhere, small ones only", () => {
    const index = [...words(['нов', 'новост']), ...words(['новы'], 5), ...words(['ноч', 'ночь'], 50)];
    const cut = cutIndex(index, { chunkBytes: 15, formBytes: 10 });
    expect(keysOf(cut)).toEqual([['нов'], ['новост', 'новы'], ['ноч'], ['ночь']]);
    expect(cut.map(({ forms }) => forms.map(({ key }) => key))).toEqual([['новы'], [], [], []]);
  });

  it('are named by ranges as Pagefind names them: first and last own keys cut where neighbours part', () => {
    const cut = [words(['apple']), words(['apricot', 'banana']), words(['peach'])];
    const forms = words(['bananas']);
    expect(chunkRanges(cut.map((own, at) => ({ words: own, forms: at === 1 ? forms : [] })))).toEqual([
      { from: 'apple', to: 'app' },
      { from: 'apr', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
    expect(
      chunkRanges([
        { words: words(['ёж']), forms: [] },
        { words: words(['ёлка']), forms: [] },
      ]),
    ).toEqual([
      { from: 'ёж', to: 'ёж' },
      { from: 'ёл', to: 'ёлка' },
    ]);
  });
});
