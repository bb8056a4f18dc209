import { writeFile } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import type { SyncReport } from '../../build/build-cache.ts';
import { progressCounter } from '../../lib/build/progress.ts';
import { pageReport, phaseCounts, writeBuildReport, type PhaseTime } from './build-report.ts';
import { logWhileRendering, watchRenderedPages, type SetPrerenderer } from './rendered-pages.ts';

export type { PhaseTime } from './build-report.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Where the build's own report goes. */
export interface BuildPhasesOptions {
  report: string;
  /** Where the phase times also go, as JSON, when set. */
  phasesFile?: string | undefined;
}

/** The times of one build: Astro's stages, the archive's steps, and the pages rendered and reused. */
export interface BuildClock {
  /** Notes that a stage of Astro's ended now (`config`, `synced`, `rendered`). */
  mark: (name: string) => void;
  /** Times one step of the build's end (search index, offline list) for the summary. */
  time: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  /**
   * Records work that ran beside other phases (search indexing while pages render) under its own
   * name, such as `search (parallel)`, so the summary shows it without adding it to the waits.
   */
  record: (phase: PhaseTime) => void;
  /** Follows the pages Astro renders, with a progress line; call it from `astro:build:start`. */
  watch: (setPrerenderer: SetPrerenderer, base: string, logger: AstroIntegrationLogger) => void;
  /**
   * Ends the build with one line giving each phase's time, with the files the sync parsed and the
   * pages rendered and reused; the same goes to the build report, and the phases to `phasesFile`.
   */
  report: (
    options: BuildPhasesOptions,
    sync: SyncReport | undefined,
    logger: AstroIntegrationLogger,
  ) => Promise<void>;
}

/** A clock for one build, started when the process started. */
export function buildClock(): BuildClock {
  const mark: Record<string, number> = { process: Math.round(performance.timeOrigin) };
  const phases: PhaseTime[] = [];
  const rendered = new Set<string>();
  let listed: readonly string[] = [];
  const at = (name: string, fallback: number): number => mark[name] ?? fallback;
  return {
    mark: (name) => {
      mark[name] = Date.now();
    },
    time: async (name, work) => {
      const start = Date.now();
      try {
        return await work();
      } finally {
        phases.push({ name, start, end: Date.now() });
      }
    },
    record: (phase) => {
      phases.push(phase);
    },
    watch: (setPrerenderer, base, logger) => {
      const progress = progressCounter(logWhileRendering(logger), 'pages rendered', 5000);
      const prefix = base.replace(/\/$/u, '');
      watchRenderedPages(setPrerenderer, {
        collecting: () => {
          mark['bundled'] = Date.now();
        },
        // Every route's `getStaticPaths`, the part of the render a rebuild cannot skip.
        paths: (paths) => {
          listed = paths;
          phases.push({ name: 'render (paths)', start: mark['bundled'] ?? Date.now(), end: Date.now() });
        },
        rendered: (total, path) => {
          rendered.add(path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path);
          progress(total);
        },
      });
    },
    report: async (options, sync, logger) => {
      const end = Date.now();
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
      const report = { sync, ...pageReport(listed, rendered), phases: list };
      const counts = phaseCounts(report);
      const line = list.map(({ name, start, end: stop }) => {
        const extra = counts[name];
        return `${name} ${seconds(stop - start)}${extra ? ` (${extra})` : ''}`;
      });
      logger.info(`build phases: ${line.join(' · ')}`);
      await writeBuildReport(options.report, report);
      if (options.phasesFile) await writeFile(options.phasesFile, JSON.stringify(list));
    },
  };
}
