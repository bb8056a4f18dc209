import { resolve, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { exitOnStop } from '../build/build-stop.ts';
import { syncSeeds, type SyncOptions } from './sync-seeds.ts';

/** Options of the seeds loader: the sync's, with the seeds folder relative to the project root. */
export type SeedsLoaderOptions = SyncOptions;

/** Loads every seed document from a folder into the content layer, skipping unchanged files. */
export function seedsLoader(options: SeedsLoaderOptions): Loader {
  if (!options.directory) throw new Error('seedsLoader: `directory` is required');
  const directory = resolve(options.directory);
  const sync: SyncOptions = { ...options, directory };
  return {
    name: 'seeds-loader',
    load: async (context) => {
      const { watcher, logger } = context;
      try {
        await syncSeeds(sync, context);
      } catch (error) {
        // A fault of the machine, or seeds with nothing to build: one line, and the build stops.
        throw exitOnStop(error, (line) => logger.error(line));
      }
      if (!watcher) return;
      watcher.add(directory);
      let pending: ReturnType<typeof setTimeout> | undefined;
      // Reloads run one after another, so a slow pass never interleaves with the next.
      let queue = Promise.resolve();
      const reload = (): void => {
        queue = queue
          .then(async () => {
            await syncSeeds(sync, context);
          })
          .catch((error: unknown) => logger.error(String(error)));
      };
      const onChange = (path: string): void => {
        if (!resolve(path).startsWith(directory + sep) || !/\.txt$/iu.test(path)) return;
        clearTimeout(pending);
        pending = setTimeout(reload, 50);
      };
      watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
    },
  };
}
