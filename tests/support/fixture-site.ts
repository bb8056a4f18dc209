import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where a fixture site is built and what it was built from. */
export interface FixtureSite {
  outDir: string;
  report: string;
  /** The build's own report: what it synced, rendered and reused. */
  buildReport: string;
  status: number | null;
  output: string;
}

const viteVariables = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/** How a fixture site is built: `cache: 'keep'` builds on the previous build's cache (incrementally). */
export interface BuildOptions {
  cache?: 'clear' | 'keep';
  /** The project folder to build, such as an edited copy (default: this one). */
  project?: string;
}

/**
 * Builds the site from a seeds folder into its own output, cache and report paths; from a clear
 * cache unless asked to keep it, so a test sees the same build however often the suite runs.
 */
export function buildFixtureSite(
  name: string,
  seedsDir: string,
  env: Record<string, string> = {},
  args: string[] = [],
  options: BuildOptions = {},
): FixtureSite {
  const root = resolve('tests/.output', name);
  const cacheDir = resolve(root, 'cache');
  if (options.cache !== 'keep') rmSync(cacheDir, { recursive: true, force: true });
  const outDir = resolve(root, 'dist');
  const report = resolve(root, 'ingest.json');
  const buildReport = resolve(root, 'build.json');
  // Vitest puts Vite's own variables into process.env; Astro would take BASE_URL from there over `base`.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !viteVariables.has(key)),
  );
  const result = spawnSync('astro', ['build', '--outDir', outDir, ...args], {
    encoding: 'utf8',
    ...(options.project !== undefined && { cwd: options.project }),
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: seedsDir,
      ASTRO_CACHE_DIR: cacheDir,
      INGEST_REPORT: report,
      BUILD_REPORT: buildReport,
      SEARCH_REPORT: resolve(root, 'search-index.json'),
      ...env,
    },
  });
  return { outDir, report, buildReport, status: result.status, output: `${result.stdout}${result.stderr}` };
}
