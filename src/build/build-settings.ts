import { availableParallelism } from 'node:os';
import { parseBundleSize } from '../lib/search/bundle-size.ts';
import { parseCount, parseMegabytes } from '../lib/build/parse-setting.ts';
import { DEFAULT_MAX_SEED_BYTES, parseSize } from '../lib/seed/size-limit.ts';
import type { SiteOptions } from '../schemas/site.ts';

/** How a build runs: folders, threads, budgets and where reports go. No page shows any of it. */
export interface BuildSettings {
  /** Folder of seed documents, relative to the project root (env `SEEDS_DIR`). */
  seedsDir: string;
  /** Build cache folder: content store, records, bodies, words, rendered pages (env `ASTRO_CACHE_DIR`). */
  cacheDir: string;
  /** Most documents in one search index bundle: Pagefind holds a bundle in memory while indexing it (env `SEARCH_SHARD_SIZE`). */
  bundleSize: number;
  /** Worker threads that decode, parse and render changed documents during the sync (env `SYNC_THREADS`). */
  syncThreads: number;
  /** Where each build writes what it synced, rendered and reused, outside `dist/` (env `BUILD_REPORT`). */
  buildReport: string;
  /** Where each build reports the search bundles it indexed and reused (env `SEARCH_REPORT`). */
  searchReport: string;
  /** Where each build writes its ingestion report, outside `dist/` (env `INGEST_REPORT`). */
  ingestReport: string;
  /** Largest transfer size, in bytes, of an archive precached whole (env `OFFLINE_BUDGET_MB`, in MB). */
  offlineBudgetBytes: number;
  /** Largest seed file read, in bytes (env `MAX_SEED_SIZE`: bytes, or a number with KB, MB or GB). */
  maxSeedBytes: number;
  /** Whether problems in the seeds fail the build (`--strict` or env `STRICT=1`). */
  strict: boolean;
  /** Where each build writes its phase times as JSON, for tests and tools (env `BUILD_PHASES_FILE`). */
  buildPhasesFile: string | undefined;
  /** Site options a deploy sets for itself (env `SITE_URL`, `BASE_PATH`, `PAGE_SIZE`); they win over `archive({ … })`. */
  siteOverrides: Pick<SiteOptions, 'site' | 'base' | 'pageSize'>;
}

type Environment = Readonly<Record<string, string | undefined>>;

// An unset or blank variable is not set: deploys often export empty ones.
function text(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function siteUrl(value: string | undefined): string | undefined {
  if (value !== undefined && !URL.canParse(value)) {
    throw new Error(`SITE_URL must be an absolute address such as https://example.org, not "${value}"`);
  }
  return value;
}

function seedLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SEED_BYTES;
  try {
    return parseSize(value);
  } catch (error) {
    throw new Error(`MAX_SEED_SIZE: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads the build settings from the environment variables and command-line arguments given; a
 * variable that does not parse is an error naming it. `cores` is the machine's thread count.
 */
export function parseBuildSettings(env: Environment, argv: readonly string[], cores: number): BuildSettings {
  const pageSize = text(env, 'PAGE_SIZE');
  const site = siteUrl(text(env, 'SITE_URL'));
  const base = text(env, 'BASE_PATH');
  return {
    seedsDir: env['SEEDS_DIR'] ?? 'seeds',
    // A separate cache lets test builds over fixtures leave the real site's content store alone.
    cacheDir: env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro',
    bundleSize: parseBundleSize(env['SEARCH_SHARD_SIZE']),
    // One core stays with the build's own thread, which reads and digests the seeds meanwhile.
    syncThreads: parseCount('SYNC_THREADS', env['SYNC_THREADS'], Math.max(0, cores - 1)),
    buildReport: env['BUILD_REPORT'] ?? 'reports/build.json',
    searchReport: env['SEARCH_REPORT'] ?? 'reports/search-index.json',
    ingestReport: env['INGEST_REPORT'] ?? 'reports/ingest.json',
    offlineBudgetBytes: parseMegabytes('OFFLINE_BUDGET_MB', env['OFFLINE_BUDGET_MB'], 25),
    maxSeedBytes: seedLimit(text(env, 'MAX_SEED_SIZE')),
    strict: argv.includes('--strict') || /^(?:1|true|yes)$/iu.test(env['STRICT'] ?? ''),
    buildPhasesFile: env['BUILD_PHASES_FILE'] || undefined,
    siteOverrides: {
      ...(site !== undefined && { site }),
      ...(base !== undefined && { base }),
      ...(pageSize !== undefined && { pageSize: parseCount('PAGE_SIZE', pageSize, 50, 1) }),
    },
  };
}

/** This process's build settings: the one place the project reads `process.env`. */
export function readBuildSettings(): BuildSettings {
  return parseBuildSettings(process.env, process.argv, availableParallelism());
}
