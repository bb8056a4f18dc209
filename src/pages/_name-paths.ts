import { getCollection, type CollectionEntry } from 'astro:content';
import { namePages } from '../lib/site/name-pages.ts';
import { compareNewestFirst } from '../lib/site/order.ts';
import siteSettings from 'virtual:archive/site';
import { pageKey } from './_page-key.ts';

/** The pages of every place or every author: each name's newest documents first, then stable numbered pages. */
export async function namePaths(kind: 'place' | 'author') {
  const documents = (await getCollection('documents')).sort(compareNewestFirst);
  const namesOf = (entry: CollectionEntry<'documents'>): string[] =>
    kind === 'place' ? entry.data.places : entry.data.authors;
  return namePages(documents, namesOf, siteSettings.pageSize).map((path) => {
    const { name, page, total } = path.props;
    // Only the first page shows the count, so only its key holds it.
    const shown = page.number === 0 ? total : undefined;
    const digests = page.entries.map((entry) => entry.digest);
    return { ...path, cacheKey: pageKey(kind, name, page.number, page.newer, page.older, shown, digests) };
  });
}
