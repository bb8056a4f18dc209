import { availableParallelism } from 'node:os';
import { parseShardSize } from './lib/search-shards.ts';
import { parseCount, parseMegabytes } from './lib/settings.ts';
import { DEFAULT_MAX_SEED_BYTES, parseSize } from './lib/size-limit.ts';

/** Everything a publisher sets about the site, in one typed place. */
export interface SiteConfig {
  /** Site name shown in the header and in titles. */
  title: string;
  /** One sentence about the archive, for the home page and meta description. */
  description: string;
  /** Language of the interface and default language of documents (BCP 47). */
  lang: string;
  /** Open Graph locale of the pages. */
  ogLocale: string;
  /** Absolute address of the deployed site, for canonical links and feeds (env `SITE_URL`). */
  site: string;
  /** Path the site is served under, such as `/archive/` (env `BASE_PATH`). */
  base: string;
  /** Documents per page in lists (env `PAGE_SIZE`). */
  pageSize: number;
  /** How dates are written, as `Intl.DateTimeFormat` options in the site's language. */
  dateFormat: Intl.DateTimeFormatOptions;
  /** Documents in each feed, newest first. */
  feedSize: number;
  /** Related documents shown under each document. */
  relatedCount: number;
  /** Folder of seed documents, relative to the project root (env `SEEDS_DIR`). */
  seedsDir: string;
  /** Build cache folder: content store, records, bodies, words, rendered pages (env `ASTRO_CACHE_DIR`). */
  cacheDir: string;
  /** Most documents in one search index bundle: Pagefind holds a bundle in memory while indexing it (env `SEARCH_SHARD_SIZE`). */
  searchShardSize: number;
  /** Worker threads that decode, parse and render changed documents during the sync (env `SYNC_THREADS`). */
  syncThreads: number;
  /** Where each build writes what it synced, rendered and reused, outside `dist/` (env `BUILD_REPORT`). */
  buildReport: string;
  /** Where each build reports the search bundles it indexed and reused (env `SEARCH_REPORT`). */
  searchReport: string;
  /** Largest transfer size, in bytes, of an archive precached whole (env `OFFLINE_BUDGET_MB`, in MB). */
  offlineBudgetBytes: number;
  /** Largest seed file read, in bytes (env `MAX_SEED_SIZE`: bytes, or a number with KB, MB or GB). */
  maxSeedBytes: number;
  /** Where each build writes its ingestion report, outside `dist/` (env `INGEST_REPORT`). */
  ingestReport: string;
  /** Whether problems in the seeds fail the build (`--strict` or env `STRICT=1`). */
  strict: boolean;
  /** Where each build writes its phase times as JSON, for tests and tools (env `BUILD_PHASES_FILE`). */
  buildPhasesFile: string | undefined;
}

/** The site's configuration; environment variables override what deploys change. */
export const siteConfig: SiteConfig = {
  title: 'Архив новостей',
  description: 'Архив новостных материалов с полнотекстовым поиском, доступный без сети.',
  lang: 'ru',
  ogLocale: 'ru_RU',
  site: process.env['SITE_URL'] ?? 'http://localhost:4321',
  base: process.env['BASE_PATH'] ?? '/',
  pageSize: parseCount('PAGE_SIZE', process.env['PAGE_SIZE'], 50, 1),
  dateFormat: { day: 'numeric', month: 'long', year: 'numeric' },
  feedSize: 50,
  relatedCount: 5,
  seedsDir: process.env['SEEDS_DIR'] ?? 'seeds',
  // A separate cache lets test builds over fixtures leave the real site's content store alone.
  cacheDir: process.env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro',
  searchShardSize: parseShardSize(process.env['SEARCH_SHARD_SIZE']),
  // One core stays with the build's own thread, which reads and digests the seeds meanwhile.
  syncThreads: parseCount('SYNC_THREADS', process.env['SYNC_THREADS'], availableParallelism() - 1),
  buildReport: process.env['BUILD_REPORT'] ?? 'reports/build.json',
  searchReport: process.env['SEARCH_REPORT'] ?? 'reports/search-index.json',
  offlineBudgetBytes: parseMegabytes('OFFLINE_BUDGET_MB', process.env['OFFLINE_BUDGET_MB'], 25),
  maxSeedBytes: process.env['MAX_SEED_SIZE']?.trim()
    ? parseSize(process.env['MAX_SEED_SIZE'])
    : DEFAULT_MAX_SEED_BYTES,
  ingestReport: process.env['INGEST_REPORT'] ?? 'reports/ingest.json',
  strict: process.argv.includes('--strict') || /^(?:1|true|yes)$/iu.test(process.env['STRICT'] ?? ''),
  buildPhasesFile: process.env['BUILD_PHASES_FILE'] || undefined,
};
