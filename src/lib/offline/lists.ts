import type { ArchivePage } from './plan.ts';

// About this many pages per list: a deploy that changes a few pages changes a few small lists.
const PAGES_PER_LIST = 128;

/** How many lists `pages` pages are split into: a power of two, so it changes only when the archive doubles. */
export function listCount(pages: number): number {
  let count = 1;
  while (count * PAGES_PER_LIST < pages) count *= 2;
  return count;
}

/**
 * The list a page's URL path belongs to, out of `count`: by a hash of the path (FNV-1a), so a page
 * stays in its list while others come and go, and the worker finds the list of any page it is asked for.
 */
export function listOf(url: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < url.length; at += 1) {
    hash ^= url.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Splits pages into `count` lists by `listOf`, each in URL order. */
export function splitPages(pages: readonly ArchivePage[], count: number): ArchivePage[][] {
  const lists: ArchivePage[][] = Array.from({ length: count }, () => []);
  for (const page of pages) lists[listOf(page.url, count)]?.push(page);
  return lists;
}

/** What changes with a page's bytes: URL path, revision, transfer size and stored size. The worker reads only these lists. */
export type PageRevision = [url: string, revision: string, bytes: number, size: number];

/** What changes only when documents come, go or are retitled: URL path and title, for the reader's lists. */
export type PageTitle = [url: string, title: string | null];

/** A page list's changing part. */
export function revisionsOf(pages: readonly ArchivePage[]): PageRevision[] {
  return pages.map((page) => [page.url, page.revision, page.bytes, page.size]);
}

/** A page list's lasting part. */
export function titlesOf(pages: readonly ArchivePage[]): PageTitle[] {
  return pages.map((page) => [page.url, page.title]);
}

/** The pages of revision lists with the titles of the title lists, in URL order. */
export function joinPages(titles: readonly PageTitle[], revisions: readonly PageRevision[]): ArchivePage[] {
  const named = new Map(titles);
  return revisions
    .map(([url, revision, bytes, size]) => ({ url, title: named.get(url) ?? null, bytes, revision, size }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
