import siteSettings from 'virtual:archive/site';
import { cacheKey } from '../lib/build/cache-key.ts';

/**
 * The incremental-build key of a page showing `parts` (see `cacheKey`), under this site's settings:
 * every site setting is in it, and nothing of how the build runs, which no page shows.
 */
export function pageKey(...parts: unknown[]): string {
  return cacheKey(siteSettings, parts);
}
