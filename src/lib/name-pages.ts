import { byName, paginate } from './groups.ts';

/** One page of the list of documents that name a place or an author. */
export interface NamePage<T> {
  params: { slug: string; page: string | undefined };
  props: { name: string; entries: T[]; current: number; last: number; total: number };
}

/** Cuts the documents of every name (place or author) into pages; the first page has no number. */
export function namePages<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
  pageSize: number,
): NamePage<T>[] {
  return byName(items, namesOf).flatMap((group) => {
    const pages = paginate(group.items, pageSize);
    return pages.map((entries, index) => ({
      params: { slug: group.key, page: index === 0 ? undefined : String(index + 1) },
      props: {
        name: group.label,
        entries,
        current: index + 1,
        last: pages.length,
        total: group.items.length,
      },
    }));
  });
}
