import { describe, expect, it } from 'vitest';
import { listNav, stablePages, type ListPage } from '../../../../src/lib/site/pagination.ts';

// Items are numbers, 1 the oldest; lists are newest first.
const list = (count: number): number[] => Array.from({ length: count }, (_, index) => count - index);
const numbered = (pages: ListPage<number>[]): ListPage<number>[] => pages.filter((page) => page.number > 0);

describe('stablePages', () => {
  it('shows a list that fits one page on its first page alone', () => {
    expect(stablePages(list(3), 3)).toEqual([{ number: 0, entries: [3, 2, 1] }]);
    expect(stablePages([], 3)).toEqual([{ number: 0, entries: [] }]);
  });

  it('numbers full pages from the oldest and shows the newest items first', () => {
    expect(stablePages(list(7), 3)).toEqual([
      { number: 0, entries: [7, 6, 5], older: 2 },
      { number: 1, entries: [3, 2, 1], newer: 2 },
      { number: 2, entries: [6, 5, 4], newer: 0, older: 1 },
    ]);
  });

  it('links the first page to the page holding the newest item it leaves out', () => {
    for (const count of [4, 5, 6, 7, 8, 9, 10, 31]) {
      const [first, ...rest] = stablePages(list(count), 3);
      const target = rest.find((page) => page.number === first?.older);
      expect(target?.entries).toContain(count - 3);
    }
  });

  it('leaves every numbered page but the newest unchanged when a newer item is added', () => {
    for (let count = 4; count < 40; count += 1) {
      const before = numbered(stablePages(list(count), 5));
      const after = numbered(stablePages(list(count + 1), 5));
      const changed = after.filter(
        (page) => JSON.stringify(page) !== JSON.stringify(before.find((old) => old.number === page.number)),
      );
      expect(changed.length).toBeLessThanOrEqual(2);
      for (const page of changed) expect(page.number).toBeGreaterThanOrEqual(after.length - 1);
      expect(after.slice(0, -2)).toEqual(before.slice(0, after.length - 2));
    }
  });

  it('puts every item on a numbered page once the list is longer than a page', () => {
    const items = numbered(stablePages(list(9), 3)).flatMap((page) => page.entries);
    expect(items.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('listNav', () => {
  it('turns the numbers of the newer and older pages into addresses', () => {
    const path = (page: number) => (page === 0 ? '/x/' : `/x/${page}/`);
    expect(listNav({ number: 2, newer: 0, older: 1 }, path)).toEqual({
      number: 2,
      newer: '/x/',
      older: '/x/1/',
    });
    expect(listNav({ number: 0 }, path)).toEqual({ number: 0 });
  });
});
