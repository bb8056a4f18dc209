/**
 * One page of a list shown newest first. The list's first page (its own address) shows the newest
 * `size` items; the others are numbered from the oldest and hold full pages only, so adding a newer
 * item changes the first page and, once per `size` items, the newest numbered one, and never moves
 * an item of an older page.
 */
export interface ListPage<T> {
  /** 0 for the first page, else the page's number counted from the oldest (1 holds the oldest items). */
  number: number;
  /** The page's items, newest first. */
  entries: T[];
  /** The number of the page with newer items (0: the first page), if there are any. */
  newer?: number;
  /** The number of the page with older items, if there are any. */
  older?: number;
}

/** Cuts a list (newest first) into its first page and its numbered pages, in that order. */
export function stablePages<T>(newestFirst: readonly T[], size: number): ListPage<T>[] {
  const count = newestFirst.length;
  const first: ListPage<T> = { number: 0, entries: newestFirst.slice(0, size) };
  if (count <= size) return [first];
  const full = Math.floor(count / size);
  // The numbered page holding the newest item the first page leaves out.
  first.older = Math.floor((count - size - 1) / size) + 1;
  const numbered = Array.from({ length: full }, (_, index): ListPage<T> => {
    const number = index + 1;
    return {
      number,
      entries: newestFirst.slice(count - number * size, count - index * size),
      newer: number < full ? number + 1 : 0,
      ...(number > 1 && { older: number - 1 }),
    };
  });
  return [first, ...numbered];
}

/** The links of one list page: its number and the addresses of the newer and older pages. */
export interface ListNav {
  number: number;
  newer?: string;
  older?: string;
}

/** A list page's links, given how the list names the address of a page number (0: its first page). */
export function listNav(page: Omit<ListPage<unknown>, 'entries'>, pathOf: (page: number) => string): ListNav {
  return {
    number: page.number,
    ...(page.newer !== undefined && { newer: pathOf(page.newer) }),
    ...(page.older !== undefined && { older: pathOf(page.older) }),
  };
}
