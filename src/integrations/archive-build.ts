import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildCache } from '../build/build-cache.ts';
import type { DocumentRecord } from '../schemas/document.ts';
import { takeBuildLocks } from './output/build-lock.ts';
import { buildClock, type BuildClock } from './output/build-phases.ts';
import { devRecords } from './dev-records.ts';
import { keptOutput, type KeptOutput } from './output/kept-output.ts';
import { writeServiceWorker } from './offline/service-worker.ts';
import { noteWritten } from './output/output-manifest.ts';
import { logBundles, publishSearch, startSearch, type SearchIndexing } from './search/search-index.ts';
import { serveDevSearchIndex } from './search/dev-index.ts';
import {
  serveDevVocabulary,
  startVocabulary,
  writeVocabulary,
  type VocabularyCounting,
} from './search/vocabulary.ts';

/** How the archive's build runs: plain values, read once by the caller. */
export interface ArchiveBuildSettings {
  /** The build cache folder (`ASTRO_CACHE_DIR`). */
  cacheDir: string;
  /** Most documents in one search bundle (`SEARCH_SHARD_SIZE`). */
  bundleSize: number;
  /** Where the build reports which search bundles it indexed and which it reused (`SEARCH_REPORT`). */
  searchReport: string;
  /** Largest transfer size, in bytes, of an archive precached whole (`OFFLINE_BUDGET_MB`). */
  offlineBudgetBytes: number;
  /** Where the build's report goes (`BUILD_REPORT`). */
  buildReport: string;
  /** Where the phase times also go, as JSON, when set (`BUILD_PHASES_FILE`). */
  buildPhasesFile?: string | undefined;
}

// Everything one build knows, made at its start and handed from step to step.
interface BuildRun {
  clock: BuildClock;
  outDir: string;
  base: string;
  records: DocumentRecord[];
  kept: KeptOutput;
  search: SearchIndexing;
  vocabulary: VocabularyCounting;
}

// The steps after the render, in their order: the offline list precaches the search index and the
// vocabulary, so it comes after both; the record of the output folder comes after every write.
async function finish(
  run: BuildRun,
  settings: ArchiveBuildSettings,
  assets: ReadonlyMap<string, readonly URL[]>,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const { clock, outDir, base, records } = run;
  // The output folder as it is after the render, listed once; each step adds what it writes.
  const present = await run.kept.prune(assets);
  const search = await clock.time('search', async () => {
    const { value } = await run.search.result;
    const files = await publishSearch(outDir, value.bundles, settings.searchReport);
    noteWritten(
      present,
      outDir,
      files.map((file) => file.path),
    );
    return { ...value, files };
  });
  clock.record({ name: 'search (parallel)', start: run.search.start, end: search.end });
  logBundles(logger.fork('archive:search'), search.bundles);
  const vocabularyLog = logger.fork('archive:search-vocabulary');
  const vocabulary = await clock.time('vocabulary', async () => {
    const { value, end } = await run.vocabulary.result;
    const files = await writeVocabulary(outDir, value, vocabularyLog);
    noteWritten(present, outDir, files);
    return { files, end };
  });
  clock.record({ name: 'vocabulary (parallel)', start: run.vocabulary.start, end: vocabulary.end });
  const foreign = run.kept.foreignAtStart();
  const offline = await clock.time('offline', () =>
    writeServiceWorker(
      {
        directory: outDir,
        base,
        budgetBytes: settings.offlineBudgetBytes,
        searchFiles: search.files,
        shellFiles: vocabulary.files,
        cacheDir: settings.cacheDir,
        records,
        // A deploy checkout's `.git`, a `CNAME`: never precached, never part of the build's identity.
        present: new Map([...present].filter(([path]) => !foreign.has(path))),
      },
      logger.fork('archive:offline'),
    ),
  );
  noteWritten(present, outDir, offline);
  await run.kept.record(present);
  await clock.report(
    { report: settings.buildReport, phasesFile: settings.buildPhasesFile },
    await buildCache(settings.cacheDir).sync.read(),
    logger.fork('archive:build-phases'),
  );
}

/**
 * The archive's build as one integration, its steps in the order this code calls them: the build
 * lock; the output folder made ready; search index and vocabulary counted from the loader's records
 * (read once, handed to each step) on threads while Astro renders; then the kept output pruned,
 * the search index published, the vocabulary written, the offline list and service worker made,
 * what the build wrote recorded, and the phase report. Each build's state is made at its start and
 * passed along; nothing is kept in modules. Under `astro dev` it serves the search index and the
 * vocabulary of the loader's last sync.
 */
export function archiveBuild(settings: ArchiveBuildSettings): AstroIntegration {
  let clock = buildClock();
  let site = { base: '/', outDir: '', publicDir: '' };
  let run: BuildRun | undefined;
  return {
    name: 'archive:build',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        clock = buildClock();
        if (command === 'build')
          takeBuildLocks(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir), logger);
      },
      'astro:config:done': ({ config }) => {
        clock.mark('config');
        site = {
          base: config.base,
          outDir: fileURLToPath(config.outDir).replace(/\/+$/u, ''),
          publicDir: fileURLToPath(config.publicDir),
        };
      },
      'astro:server:setup': (setup) => {
        const records = devRecords(settings.cacheDir);
        setup.server.httpServer?.on('close', records.close);
        serveDevSearchIndex(setup, site.base, settings.cacheDir, records);
        serveDevVocabulary(setup, site.base, settings.cacheDir, records);
      },
      // The content sync has finished when this hook runs (core/build/index.js: `setup()` awaits
      // `syncInternal` before `build()` calls it), so the records are complete.
      'astro:build:start': async ({ logger, setPrerenderer }) => {
        const kept = keptOutput({ cacheDir: settings.cacheDir, ...site });
        await kept.start(logger.fork('archive:kept-output'));
        const records = await buildCache(settings.cacheDir).records.read();
        run = {
          clock,
          outDir: site.outDir,
          base: site.base,
          records,
          kept,
          search: startSearch({ cacheDir: settings.cacheDir, bundleSize: settings.bundleSize, records }),
          vocabulary: startVocabulary(settings.cacheDir, records),
        };
        clock.mark('synced');
        clock.watch(setPrerenderer, site.base, logger.fork('archive:build-phases'));
      },
      'astro:build:generated': () => {
        clock.mark('rendered');
      },
      'astro:build:done': async ({ assets, logger }) => {
        if (!run) throw new Error('archive: the build ended before it started');
        await finish(run, settings, assets, logger);
      },
    },
  };
}
