import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, distFiles } from '../support/dist-files.ts';
import { buildFixtureSite, startFixtureBuild, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// Builds killed with SIGKILL (no chance to clean up) while they sync the seeds, render the pages
// and index the search, each followed by a build on what they left; each must equal a clean build,
// the host's file in the output folder included.
const seeds = resolve('tests/.output/faults-kill-seeds');
const name = 'faults-kill';
const root = resolve('tests/.output', name);
const cacheDir = join(root, 'cache');
const env = { PAGE_SIZE: '10' };

const cname = 'archive.example.org\n';

const entries = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder) : []);

// Starts a build and kills it the moment `ready` says it is inside the phase, polling the files it
// writes; gives the build's result (status null: it was killed).
async function killWhen(cache: 'clear' | 'keep', ready: (output: string) => boolean): Promise<FixtureSite> {
  const run = startFixtureBuild(name, seeds, env, { cache });
  const timer = setInterval(() => {
    if (ready(run.output())) run.process.kill('SIGKILL');
  }, 5);
  try {
    return await run.done;
  } finally {
    clearInterval(timer);
  }
}

let clean: Map<string, Buffer>;
const phases = ['sync', 'render', 'indexing'] as const;
const killed = {} as Record<(typeof phases)[number], FixtureSite>;
const after = {} as Record<(typeof phases)[number], { status: number | null; files: Map<string, Buffer> }>;

function rebuild(phase: (typeof phases)[number]): void {
  const site = buildFixtureSite(name, seeds, env, [], { cache: 'keep' });
  after[phase] = { status: site.status, files: distFiles(site.outDir) };
}

beforeAll(async () => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 30);
  for (const folder of [root, resolve('tests/.output/faults-kill-clean')]) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'dist'), { recursive: true });
    writeFileSync(join(folder, 'dist', 'CNAME'), cname);
  }
  const reference = buildFixtureSite('faults-kill-clean', seeds, env);
  if (reference.status !== 0) throw new Error(`clean build failed:\n${reference.output}`);
  clean = distFiles(reference.outDir);
  // From an empty cache: killed once the threads have written some rendered bodies.
  killed.sync = await killWhen('clear', () => entries(join(cacheDir, 'archive-bodies')).length > 0);
  rebuild('sync');
  // Every page rendered again (Astro's record of rendered pages gone): killed among the documents.
  rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
  killed.render = await killWhen('keep', (output) => output.includes('/doc/generated-'));
  rebuild('render');
  // Every search bundle indexed again: killed while Pagefind writes one.
  rmSync(join(cacheDir, 'search-bundles'), { recursive: true, force: true });
  killed.indexing = await killWhen('keep', () =>
    entries(join(cacheDir, 'search-bundles')).some((entry) => entry.endsWith('.part')),
  );
  rebuild('indexing');
}, 600_000);

describe('a build after one killed with SIGKILL', () => {
  for (const phase of phases) {
    it(`equals a clean build, file by file, after a kill during ${phase}`, () => {
      expect(killed[phase].status).toBeNull();
      expect(after[phase].status).toBe(0);
      expect(clean.size).toBeGreaterThan(60);
      expect(after[phase].files.get('CNAME')?.toString()).toBe(cname);
      expect(changedFiles(clean, after[phase].files)).toEqual([]);
    });
  }
});
