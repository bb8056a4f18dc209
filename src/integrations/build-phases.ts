import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { progressCounter } from '../lib/progress.ts';
import { readSyncReport } from '../loaders/sync-report.ts';
import { pageReport, phaseCounts, writeBuildReport, type PhaseTime } from './build-report.ts';
import { logWhileRendering, watchRenderedPages } from './rendered-pages.ts';

export type { PhaseTime } from './build-report.ts';

const phases: PhaseTime[] = [];

/** Times one phase of `astro:build:done` work (search index, offline manifest) for the summary. */
export async function timePhase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    phases.push({ name, start, end: Date.now() });
  }
}

/**
 * Records work that ran beside other phases (search indexing while pages render) under its own
 * name, such as `search (parallel)`, so the summary shows it without adding it to the waits.
 */
export function recordPhase(phase: PhaseTime): void {
  phases.push(phase);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Where the build cache is (the loader's sync report) and where the build's own report goes. */
export interface BuildPhasesOptions {
  cacheDir: string;
  report: string;
  /** Where the phase times also go, as JSON, when set. */
  phasesFile?: string | undefined;
}

/**
 * Reports pages rendered while a build runs, and ends it with one line giving each phase's time,
 * with the files the sync parsed and the pages rendered and reused. The same goes to the build
 * report (`options.report`). List it last in `integrations` so its `astro:build:done` runs after
 * every other one. With `BUILD_PHASES_FILE` set, the phases are also written there as JSON.
 */
export function buildPhases(options: BuildPhasesOptions): AstroIntegration {
  const mark: Record<string, number> = { process: Math.round(performance.timeOrigin) };
  let unwatch = (): void => {};
  let base = '/';
  let listed: readonly string[] = [];
  const rendered = new Set<string>();
  return {
    name: 'archive:build-phases',
    hooks: {
      'astro:config:done': ({ config }) => {
        mark['config'] = Date.now();
        base = config.base.replace(/\/$/u, '');
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        mark['synced'] = Date.now();
        const progress = progressCounter(logWhileRendering(logger), 'pages rendered', 5000);
        unwatch = watchRenderedPages(setPrerenderer, {
          collecting: () => {
            mark['bundled'] = Date.now();
          },
          // Every route's `getStaticPaths`, the part of the render a rebuild cannot skip.
          paths: (paths) => {
            listed = paths;
            recordPhase({ name: 'render (paths)', start: mark['bundled'] ?? Date.now(), end: Date.now() });
          },
          rendered: (total, path) => {
            rendered.add(path.startsWith(`${base}/`) ? path.slice(base.length) : path);
            progress(total);
          },
        });
      },
      'astro:build:generated': () => {
        mark['rendered'] = Date.now();
      },
      'astro:build:done': async ({ logger }) => {
        unwatch();
        const end = Date.now();
        const at = (name: string, fallback: number): number => mark[name] ?? fallback;
        const config = at('config', at('process', end));
        const synced = at('synced', config);
        const bundled = at('bundled', synced);
        const list: PhaseTime[] = [
          { name: 'startup', start: at('process', config), end: config },
          { name: 'sync', start: config, end: synced },
          { name: 'bundle', start: synced, end: bundled },
          { name: 'render', start: bundled, end: at('rendered', bundled) },
          ...phases,
          { name: 'total', start: at('process', config), end },
        ];
        const report = {
          sync: await readSyncReport(options.cacheDir),
          ...pageReport(listed, rendered),
          phases: list,
        };
        const counts = phaseCounts(report);
        const line = list.map(({ name, start, end: stop }) => {
          const extra = counts[name];
          return `${name} ${seconds(stop - start)}${extra ? ` (${extra})` : ''}`;
        });
        logger.info(`build phases: ${line.join(' · ')}`);
        await writeBuildReport(options.report, report);
        if (options.phasesFile) await writeFile(options.phasesFile, JSON.stringify(list));
      },
    },
  };
}
