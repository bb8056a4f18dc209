import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

// The command, environment and paths of one fixture build, its cache cleared unless kept.
function prepare(
  name: string,
  seedsDir: string,
  env: Record<string, string>,
  args: string[],
  options: BuildOptions,
): { args: string[]; cwd?: string; env: NodeJS.ProcessEnv; site: Omit<FixtureSite, 'status' | 'output'> } {
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
  return {
    args: ['build', '--outDir', outDir, ...args],
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
    site: { outDir, report, buildReport },
  };
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
  const build = prepare(name, seedsDir, env, args, options);
  const result = spawnSync('astro', build.args, { encoding: 'utf8', cwd: build.cwd, env: build.env });
  return { ...build.site, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A fixture build running in the background: its process (to kill), its output so far, and its end. */
export interface RunningBuild {
  process: ChildProcess;
  output: () => string;
  done: Promise<FixtureSite>;
}

/** Starts `buildFixtureSite`'s build without waiting for it. */
export function startFixtureBuild(
  name: string,
  seedsDir: string,
  env: Record<string, string> = {},
  options: BuildOptions = {},
): RunningBuild {
  const build = prepare(name, seedsDir, env, [], options);
  const child = spawn('astro', build.args, {
    cwd: build.cwd,
    env: build.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = new Promise<FixtureSite>((resolveDone) =>
    child.on('close', (status) => resolveDone({ ...build.site, status, output })),
  );
  return { process: child, output: () => output, done };
}
