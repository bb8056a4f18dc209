import { createHash } from 'node:crypto';
import { relatedDocuments, type RelatedOptions } from '../lib/document/related.ts';
import { buildCache } from '../build/build-cache.ts';
import { codeDigest } from '../build/code-digest.ts';

// This module, by its path from the project's root: it and every module it runs make the lists.
const RELATED_CODE = 'src/loaders/related-lists.ts';

interface CachedLists {
  key: string;
  lists: [id: string, related: string[]][];
}

/**
 * Each document's related ids (`relatedDocuments`, from the terms the derive step kept under each
 * document's digest), computed once for a set of documents: the lists depend on every document, so
 * they are kept in the build cache under a digest of all their digests, the options and the code
 * that makes them, and a rebuild with the same documents reads them back without reading a term.
 */
export async function cachedRelatedIds(
  newestFirst: readonly { id: string; digest?: string | number }[],
  options: RelatedOptions,
  cacheDir: string,
): Promise<Map<string, string[]>> {
  const hash = createHash('sha256').update(JSON.stringify([await codeDigest([RELATED_CODE]), options]));
  for (const entry of newestFirst) hash.update(`\n${entry.id} ${String(entry.digest)}`);
  const key = hash.digest('hex');
  const cache = buildCache(cacheDir);
  const cached = await cache.related.read<CachedLists | undefined>(undefined);
  if (cached?.key === key) return new Map(cached.lists);
  const lists = relatedDocuments(
    newestFirst.map((entry) => ({ id: entry.id, terms: cache.termsOf(String(entry.digest)) })),
    options,
  );
  await cache.related.write({ key, lists: [...lists] } satisfies CachedLists);
  return lists;
}
