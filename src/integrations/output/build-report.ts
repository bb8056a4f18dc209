import { writeJson } from '../../build/json-file.ts';
import type { SyncReport } from '../../build/build-cache.ts';

/** One timed phase of a build, as epoch milliseconds. */
export interface PhaseTime {
  name: string;
  start: number;
  end: number;
}

/** What a build did, written beside the ingestion report (`BUILD_REPORT`, default `reports/build.json`). */
export interface BuildReport {
  /** What the content sync did with the seed files (absent when it did not run). */
  sync?: SyncReport | undefined;
  /** Pages Astro listed, rendered this build, and reused from the build cache unchanged. */
  pages: { listed: number; rendered: number; reused: number };
  /** URL paths (without the base) of the pages rendered this build, sorted. */
  rendered: string[];
  phases: PhaseTime[];
}

// Astro lists static routes without their last slash (`/search`) and requests them with it.
const bare = (path: string): string => path.replace(/\/+$/u, '');

/** The page counts and the rendered list of a build that listed `listed` and rendered `rendered`. */
export function pageReport(
  listed: readonly string[],
  rendered: ReadonlySet<string>,
): Pick<BuildReport, 'pages' | 'rendered'> {
  const paths = [...rendered].sort();
  const done = new Set(paths.map(bare));
  const reused = listed.filter((path) => !done.has(bare(path))).length;
  return { pages: { listed: listed.length, rendered: paths.length, reused }, rendered: paths };
}

const count = (value: number): string => value.toLocaleString('en');

/** How a phase's counts read in the summary line, after its time. */
export function phaseCounts(report: Pick<BuildReport, 'sync' | 'pages'>): Record<string, string> {
  const { sync, pages } = report;
  return {
    ...(sync && {
      sync: `${count(sync.parsed)} of ${count(sync.files)} files parsed, ${count(sync.reused)} unchanged`,
    }),
    render: `${count(pages.rendered)} of ${count(pages.listed)} pages rendered, ${count(pages.reused)} reused`,
  };
}

/** Writes the report as JSON. */
export async function writeBuildReport(path: string, report: BuildReport): Promise<void> {
  await writeJson(path, report);
}
