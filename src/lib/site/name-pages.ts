import { byName } from './groups.ts';
import { stablePages, type ListPage } from './pagination.ts';

/** One page of the list of documents that name a place or an author. */
export interface NamePage<T> {
  params: { slug: string; page: string | undefined };
  props: { name: string; page: ListPage<T>; total: number };
}

/** Cuts the documents (newest first) of every name, place or author, into stable pages (`stablePages`). */
export function namePages<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
  pageSize: number,
): NamePage<T>[] {
  return byName(items, namesOf).flatMap((group) =>
    stablePages(group.items, pageSize).map((page) => ({
      params: { slug: group.key, page: page.number === 0 ? undefined : String(page.number) },
      props: { name: group.label, page, total: group.items.length },
    })),
  );
}
