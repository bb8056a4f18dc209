import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Where a fixture site is built and what it was built from. */
export interface FixtureSite {
  outDir: string;
  report: string;
  status: number | null;
  output: string;
}

const viteVariables = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/** Builds the site from a seeds folder into its own output, cache and report paths. */
export function buildFixtureSite(
  name: string,
  seedsDir: string,
  env: Record<string, string> = {},
  args: string[] = [],
): FixtureSite {
  const root = resolve('tests/.output', name);
  const outDir = resolve(root, 'dist');
  const report = resolve(root, 'ingest.json');
  // Vitest puts Vite's own variables into process.env; Astro would take BASE_URL from there over `base`.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !viteVariables.has(key)),
  );
  const result = spawnSync('astro', ['build', '--outDir', outDir, ...args], {
    encoding: 'utf8',
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: seedsDir,
      ASTRO_CACHE_DIR: resolve(root, 'cache'),
      INGEST_REPORT: report,
      SEARCH_REPORT: resolve(root, 'search-index.json'),
      ...env,
    },
  });
  return { outDir, report, status: result.status, output: `${result.stdout}${result.stderr}` };
}
