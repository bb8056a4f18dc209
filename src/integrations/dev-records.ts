import { mkdirSync, watch } from 'node:fs';
import { basename } from 'node:path';
import { buildCache } from '../build/build-cache.ts';
import type { DocumentRecord } from '../schemas/document.ts';

/** The records of the loader's last sync under `astro dev`, and what is made of them. */
export interface DevRecords {
  /** Made of the current records once, and again after each sync: `make` runs at most once a sync. */
  follow: <T>(make: (records: DocumentRecord[]) => Promise<T>) => () => Promise<T>;
  /** Stops following the records. */
  close: () => void;
}

/**
 * Follows the records the loader writes after each sync. The loader runs inside Astro's content
 * sync, loaded through Vite apart from this integration, so they share no module: the records file
 * is the handover, watched once (the cache folder, as the file is replaced whole) rather than
 * looked at on every request.
 */
export function devRecords(cacheDir: string): DevRecords {
  const cache = buildCache(cacheDir);
  const name = basename(cache.records.path);
  let version = 0;
  mkdirSync(cache.folder, { recursive: true });
  const watcher = watch(cache.folder, (_event, file) => {
    if (file === name) version += 1;
  });
  return {
    follow: (make) => {
      let made: { version: number; value: Promise<never> | ReturnType<typeof make> } | undefined;
      return () => {
        if (made?.version !== version) made = { version, value: cache.records.read().then(make) };
        return made.value;
      };
    },
    close: () => watcher.close(),
  };
}
