import { cacheKey } from '../lib/cache-key.ts';
import { siteConfig } from '../site-config.ts';

// Every setting is in each key but those no page reads (folders, threads, where reports go, whether
// problems stop the build): a setting added later is covered without a second thought.
const unrendered = new Set([
  'seedsDir',
  'cacheDir',
  'syncThreads',
  'buildReport',
  'searchReport',
  'ingestReport',
  'buildPhasesFile',
  'strict',
]);
const settings = Object.fromEntries(Object.entries(siteConfig).filter(([name]) => !unrendered.has(name)));

/** The incremental-build key of a page showing `parts` (see `cacheKey`), under this site's settings. */
export function pageKey(...parts: unknown[]): string {
  return cacheKey(settings, parts);
}
