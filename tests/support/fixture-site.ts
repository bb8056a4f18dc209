import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Where a fixture site is built and what it was built from. */
export interface FixtureSite {
  outDir: string;
  report: string;
  status: number | null;
  output: string;
}

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
  const result = spawnSync('astro', ['build', '--outDir', outDir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: seedsDir,
      ASTRO_CACHE_DIR: resolve(root, 'cache'),
      INGEST_REPORT: report,
      ...env,
    },
  });
  return { outDir, report, status: result.status, output: `${result.stdout}${result.stderr}` };
}
