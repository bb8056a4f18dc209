import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../../../src/lib/search/cbor.ts';
import { byteOrder, mergeFilter, mergeWords } from '../../../../src/lib/search/index-merge.ts';
import type { IndexWord } from '../../../../src/lib/search/index-chunks.ts';

// A page of a word as Pagefind 1.6 writes it: the step from the page before, positions, meta positions.
type Page = [number, number[], number[]];
const word = (key: string, pages: Page[], forms?: [string, Page[]][]): IndexWord => ({
  key,
  bytes: encodeCbor(forms === undefined ? [key, pages] : ([key, pages, forms] as CborValue)),
});
const decoded = (words: IndexWord[]): CborValue[] => words.map(({ bytes }) => decodeCbor(bytes));

describe('merging the indexes of runs of consecutive pages', () => {
  it('moves each run’s pages up by the pages of the runs before it, by the step of its first page', () => {
    const first = [
      word('кремл', [
        [1, [-26, 4], []],
        [2, [9], []],
      ]),
    ];
    const second = [
      word('кремл', [
        [0, [3], [-2, 0]],
        [3, [7], []],
      ]),
      word('москв', [[2, [1], []]]),
    ];
    const merged = mergeWords([
      { words: first, pages: 5 },
      { words: second, pages: 4 },
    ]);
    // Pages 1 and 3, then 5 + 0 and 5 + 3: the first page of the second run is 2 after page 3.
    expect(decoded(merged)).toEqual([
      [
        'кремл',
        [
          [1, [-26, 4], []],
          [2, [9], []],
          [2, [3], [-2, 0]],
          [3, [7], []],
        ],
      ],
      ['москв', [[7, [1], []]]],
    ]);
  });

  it('keeps the keys in the order of their bytes, and a key of the first run alone as it was', () => {
    const first = [word('ёлк', [[0, [1], []]]), word('𝔸x', [[0, [2], []]])];
    const second = [word('я', [[0, [1], []]]), word('\uffef', [[1, [1], []]])];
    const merged = mergeWords([
      { words: first, pages: 1 },
      { words: second, pages: 2 },
    ]);
    expect(merged.map(({ key }) => key)).toEqual(['я', 'ёлк', '\uffef', '𝔸x']);
    expect(merged[1]).toBe(first[0]);
    expect([...merged.map(({ key }) => key)].sort(byteOrder)).toEqual(merged.map(({ key }) => key));
  });

  it('lists the forms of a key in the order their first page was indexed, each moved up like the key', () => {
    const first = [word('договор', [[0, [1], []]], [['договорий', [[0, [1], []]]]])];
    const second = [
      word(
        'договор',
        [],
        [
          ['договорей', [[1, [5], []]]],
          ['договорий', [[0, [2], []]]],
        ],
      ),
    ];
    expect(
      decoded(
        mergeWords([
          { words: first, pages: 3 },
          { words: second, pages: 2 },
        ]),
      ),
    ).toEqual([
      [
        'договор',
        [[0, [1], []]],
        [
          [
            'договорий',
            [
              [0, [1], []],
              [3, [2], []],
            ],
          ],
          ['договорей', [[4, [5], []]]],
        ],
      ],
    ]);
  });

  it('joins a filter’s values, each run’s pages moved up by the pages before it', () => {
    const merged = mergeFilter('place', [
      { values: [['Москва', [0, 2]]], pages: 3 },
      {
        values: [
          ['Казань', [1]],
          ['Москва', [0]],
        ],
        pages: 2,
      },
    ]);
    expect(merged).toEqual([
      'place',
      [
        ['Казань', [4]],
        ['Москва', [0, 2, 3]],
      ],
    ]);
  });

  it('refuses a word that is not Pagefind’s', () => {
    expect(() => mergeWords([{ words: [{ key: 'a', bytes: encodeCbor(['a']) }], pages: 1 }])).toThrow(
      /a word expected/u,
    );
    expect(() =>
      mergeWords([{ words: [{ key: 'a', bytes: encodeCbor(['a', [['x', [], []]]]) }], pages: 1 }]),
    ).toThrow(/page's number/u);
  });
});
