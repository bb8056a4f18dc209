import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { progressCounter } from '../lib/progress.ts';
import { logWhileRendering, watchRenderedPages } from './rendered-pages.ts';

/** One timed phase of a build, as epoch milliseconds. */
export interface PhaseTime {
  name: string;
  start: number;
  end: number;
}

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

/**
 * Reports pages rendered while a build runs, and ends it with one line giving each phase's time.
 * List it last in `integrations` so its `astro:build:done` runs after every other one. With
 * `BUILD_PHASES_FILE` set, the phases are also written there as JSON (the benchmark reads them).
 */
export function buildPhases(): AstroIntegration {
  const mark: Record<string, number> = { process: Math.round(performance.timeOrigin) };
  let unwatch = (): void => {};
  return {
    name: 'archive:build-phases',
    hooks: {
      'astro:config:done': () => {
        mark['config'] = Date.now();
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        mark['synced'] = Date.now();
        const rendered = progressCounter(logWhileRendering(logger), 'pages rendered', 5000);
        unwatch = watchRenderedPages(setPrerenderer, {
          collecting: () => {
            mark['bundled'] = Date.now();
          },
          rendered,
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
        const rendered = at('rendered', bundled);
        const list: PhaseTime[] = [
          { name: 'startup', start: at('process', config), end: config },
          { name: 'sync', start: config, end: synced },
          { name: 'bundle', start: synced, end: bundled },
          { name: 'render', start: bundled, end: rendered },
          ...phases,
          { name: 'total', start: at('process', config), end },
        ];
        logger.info(
          `build phases: ${list.map((phase) => `${phase.name} ${seconds(phase.end - phase.start)}`).join(' · ')}`,
        );
        const file = process.env['BUILD_PHASES_FILE'];
        if (file) await writeFile(file, JSON.stringify(list));
      },
    },
  };
}
