import { describe, expect, it } from 'vitest';
import {
  joinPages,
  listCount,
  listOf,
  revisionsOf,
  splitPages,
  titlesOf,
} from '../../../../src/lib/offline/lists.ts';
import type { ArchivePage } from '../../../../src/lib/offline/plan.ts';

const page = (url: string): ArchivePage => ({ url, title: url, bytes: 1, revision: 'r', size: 3 });

describe('offline page lists', () => {
  it('splits into a power of two of lists, about 128 pages each, changing only when the archive doubles', () => {
    expect(listCount(0)).toBe(1);
    expect(listCount(128)).toBe(1);
    expect(listCount(129)).toBe(2);
    expect(listCount(10_911)).toBe(128);
    expect(listCount(16_384)).toBe(128);
    expect(listCount(16_385)).toBe(256);
  });

  it('puts a page in the same list whatever else the archive holds', () => {
    const pages = Array.from({ length: 1000 }, (_, at) => page(`/doc/d${at}/`));
    const before = splitPages(pages, 8);
    const after = splitPages([...pages, page('/doc/new/')], 8);
    const changed = after.filter((list, at) => JSON.stringify(list) !== JSON.stringify(before[at]));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContainEqual(page('/doc/new/'));
    expect(after[listOf('/doc/new/', 8)]).toContainEqual(page('/doc/new/'));
  });

  it('spreads pages evenly over the lists', () => {
    const sizes = splitPages(
      Array.from({ length: 12_800 }, (_, at) => page(`/doc/generated-${String(at).padStart(6, '0')}/`)),
      100,
    ).map((list) => list.length);
    expect(Math.min(...sizes)).toBeGreaterThan(90);
    expect(Math.max(...sizes)).toBeLessThan(170);
  });
});

describe('the two parts of a page list', () => {
  it('keep what changes with the page apart from its title, and join back into pages in URL order', () => {
    const pages = [page('/doc/b/'), { ...page('/page/2/'), title: null }, page('/doc/a/')];
    expect(revisionsOf(pages)).toEqual([
      ['/doc/b/', 'r', 1, 3],
      ['/page/2/', 'r', 1, 3],
      ['/doc/a/', 'r', 1, 3],
    ]);
    expect(titlesOf(pages)).toEqual([
      ['/doc/b/', '/doc/b/'],
      ['/page/2/', null],
      ['/doc/a/', '/doc/a/'],
    ]);
    expect(joinPages(titlesOf(pages), revisionsOf(pages))).toEqual([
      page('/doc/a/'),
      page('/doc/b/'),
      { ...page('/page/2/'), title: null },
    ]);
  });
});
