import { createHash } from 'node:crypto';
import { relatedIds, type LinkableDocument } from '../lib/document/links.ts';
import type { RelatedOptions } from '../lib/document/related.ts';
import { buildCache } from '../build/build-cache.ts';
import { codeDigest } from '../build/code-digest.ts';

// This module, by its path from the project's root: it and every module it runs make the lists.
const RELATED_CODE = 'src/loaders/related-lists.ts';

interface CachedLists {
  key: string;
  lists: [id: string, related: string[]][];
}

/**
 * Each document's related ids (`relatedIds`), computed once for a set of documents: the lists
 * depend on every document, so they are kept in the build cache under a digest of all their
 * digests, the options and the code that makes them, and a rebuild with the same documents reads
 * them back instead of comparing them all.
 */
export async function cachedRelatedIds(
  newestFirst: readonly (LinkableDocument & { digest?: string | number })[],
  options: RelatedOptions,
  cacheDir: string,
): Promise<Map<string, string[]>> {
  const hash = createHash('sha256').update(JSON.stringify([await codeDigest([RELATED_CODE]), options]));
  for (const entry of newestFirst) hash.update(`\n${entry.id} ${String(entry.digest)}`);
  const key = hash.digest('hex');
  const file = buildCache(cacheDir).related;
  const cached = await file.read<CachedLists | undefined>(undefined);
  if (cached?.key === key) return new Map(cached.lists);
  const lists = relatedIds(newestFirst, options);
  await file.write({ key, lists: [...lists] } satisfies CachedLists);
  return lists;
}
