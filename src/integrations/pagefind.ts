import type { Dirent } from 'node:fs';
import { copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { BundleList } from '../lib/search-bundles.ts';
import { recordPhase, timePhase } from './build-phases.ts';
import { offThread } from './off-thread.ts';
import { serveDevSearchIndex } from './search-dev-index.ts';
import type { BundleResult, BundleTask, BuiltBundle } from './search-indexer-worker.ts';

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Most documents in one bundle (`SEARCH_SHARD_SIZE`): Pagefind holds a bundle in memory while indexing it. */
  bundleSize: number;
  /** Where the build reports which bundles it indexed and which it reused (`SEARCH_REPORT`). */
  reportPath: string;
}

/** The list of bundles the search page reads, from a build's bundles. */
export function bundleList(bundles: readonly BuiltBundle[]): BundleList {
  return {
    bundles: bundles.map(({ folder, languages, first, last, packs }) => ({
      path: folder,
      languages,
      first,
      last,
      ...(packs ? { packs } : {}),
    })),
  };
}

/** The build's report of its search index: what each bundle holds and whether it was indexed or reused. */
export function report(bundles: readonly BuiltBundle[]): {
  indexed: string[];
  reused: string[];
  bundles: Omit<BuiltBundle, 'cached' | 'packs'>[];
} {
  return {
    indexed: bundles.filter((bundle) => bundle.indexed).map((bundle) => bundle.folder),
    reused: bundles.filter((bundle) => !bundle.indexed).map((bundle) => bundle.folder),
    bundles: bundles.map(({ folder, key, documents, first, last, languages, indexed, ms }) => ({
      folder,
      key,
      documents,
      first,
      last,
      languages,
      indexed,
      ms,
    })),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function logBundles(logger: AstroIntegrationLogger, bundles: readonly BuiltBundle[]): void {
  const indexed = bundles.filter((bundle) => bundle.indexed);
  const documents = bundles.reduce((sum, bundle) => sum + bundle.documents, 0);
  const list = indexed.map((bundle) => `${bundle.folder} ${bundle.documents} in ${seconds(bundle.ms)}`);
  logger.info(
    `${documents} documents in ${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}: ${indexed.length} indexed` +
      (list.length > 0 ? ` (${list.join(', ')})` : '') +
      `, ${bundles.length - indexed.length} reused`,
  );
}

// Cached files are never written again, so the output links to them: the 9,647 files of a bundle
// of 9,447 documents link in 0.2 s and copy in 2.2–3.6 s. A cache on another file system is copied.
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

// Each bundle's files, byte for byte from the cache, then the list the search page reads.
async function publish(outDir: string, bundles: readonly BuiltBundle[]): Promise<void> {
  for (const bundle of bundles) {
    const target = join(outDir, bundle.folder);
    const entries = await readdir(bundle.cached, { recursive: true, withFileTypes: true });
    const path = (entry: Dirent): string => join(entry.parentPath, entry.name);
    await mkdir(target, { recursive: true });
    for (const folder of entries.filter((entry) => entry.isDirectory())) {
      await mkdir(join(target, relative(bundle.cached, path(folder))), { recursive: true });
    }
    const files = entries.filter((entry) => entry.isFile()).map(path);
    for (let at = 0; at < files.length; at += 256) {
      const batch = files.slice(at, at + 256);
      await Promise.all(batch.map((file) => place(file, join(target, relative(bundle.cached, file)))));
    }
  }
  await writeFile(join(outDir, 'pagefind', 'bundles.json'), JSON.stringify(bundleList(bundles)));
}

/**
 * The search index: Pagefind bundles made from the loader's records (never from rendered pages),
 * indexed on a thread of their own from the start of the build, while Astro bundles and renders;
 * bundles whose documents did not change come from the build cache. Under `astro dev` the same
 * search documents make a live index in memory, rebuilt whenever the loader syncs again.
 */
export function searchIntegration(options: SearchIntegrationOptions): AstroIntegration {
  let base = '/';
  let outDir = '';
  let cacheDir = '';
  let building: { start: number; result: Promise<BundleResult> } | undefined;
  const task = (): BundleTask => ({ cacheDir, most: options.bundleSize });
  const run = (): Promise<BundleResult> =>
    offThread<BundleResult>(new URL('./search-indexer-worker.ts', import.meta.url), task());
  return {
    name: 'archive:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': (setup) => serveDevSearchIndex(setup, base, cacheDir),
      // The content sync has finished when this hook runs (core/build/index.js: `setup()` awaits
      // `syncInternal` before `build()` calls it), so the records are complete. Astro empties the
      // output folder after this hook, which is why bundles are made in the cache and placed at the end.
      'astro:build:start': () => {
        // A rejection is awaited at `astro:build:done`; until then it must not count as unhandled.
        const result = run();
        result.catch(() => {});
        building = { start: Date.now(), result };
      },
      'astro:build:done': async ({ logger }) => {
        const started = building?.start;
        const result = await timePhase('search', async () => {
          const built = await (building?.result ?? run());
          await publish(outDir, built.bundles);
          await mkdir(dirname(options.reportPath), { recursive: true });
          await writeFile(options.reportPath, JSON.stringify(report(built.bundles), null, 2));
          return built;
        });
        if (started !== undefined)
          recordPhase({ name: 'search (parallel)', start: started, end: result.end });
        logBundles(logger, result.bundles);
      },
    },
  };
}
