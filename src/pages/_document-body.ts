import cacheDir from 'virtual:archive/cache';
import { buildCache } from '../build/build-cache.ts';

// Here rather than in the cache module: the loader's modules stay free of the settings, so editing
// them does not change the code digest that keys every record (`src/build/code-digest.ts`).
const cache = buildCache(cacheDir);

/** The rendered body HTML of a document of this site's content collection. */
export function documentBody(entry: { id: string; digest?: number | string }): string {
  return cache.body(entry);
}
