import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, distFiles } from '../support/dist-files.ts';
import { buildFixtureSite, startFixtureBuild, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// Two builds of one project started together, then a build over a cache left damaged (files cut
// in half, as a full disk or a crash leaves them) and locks held by processes that are gone.
const name = 'faults-cache';
const seeds = resolve('tests/.output/faults-cache-seeds');
const root = resolve('tests/.output', name);
const cacheDir = join(root, 'cache');
const damaged = [
  'built-files.json',
  'archive-seeds.json',
  'archive-records.json',
  'archive-output.json',
  'data-store.json',
];

const stackLines = (output: string): string[] => output.split('\n').filter((line) => /^\s+at /u.test(line));

let together: { winner: FixtureSite & { pid: number }; loser: FixtureSite & { pid: number } };
let built: Map<string, Buffer>;
let repaired: FixtureSite;
let locks: string[];

beforeAll(async () => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 3);
  rmSync(root, { recursive: true, force: true });
  const first = startFixtureBuild(name, seeds, {}, { cache: 'clear' });
  const second = startFixtureBuild(name, seeds, {}, { cache: 'keep' });
  const ends = await Promise.all([first.done, second.done]);
  const runs = ends.map((site, index) => ({ ...site, pid: [first, second][index]?.process.pid ?? 0 }));
  const [winner, loser] = runs[0]?.status === 0 ? runs : [...runs].reverse();
  if (!winner || !loser) throw new Error('two builds expected');
  together = { winner, loser };
  built = distFiles(join(root, 'dist'));
  for (const file of damaged) {
    const path = join(cacheDir, file);
    if (!existsSync(path)) throw new Error(`no ${file} in the cache`);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
  }
  // A process that has ended: its lock is left from a build killed with `kill -9`.
  const gone = spawnSync('true').pid;
  locks = [join(cacheDir, 'archive-build.lock'), join(root, 'dist', '.archive-build.lock')];
  for (const lock of locks)
    writeFileSync(lock, JSON.stringify({ pid: gone, since: '2026-01-01T00:00:00.000Z' }));
  repaired = buildFixtureSite(name, seeds, {}, [], { cache: 'keep' });
}, 300_000);

describe('two builds of one project at once', () => {
  it('lets one build and stops the other at once with one line naming the first one’s process', () => {
    expect(together.winner.status).toBe(0);
    expect(together.loser.status).toBe(1);
    expect(together.loser.output).toMatch(
      new RegExp(
        `another build \\(pid ${together.winner.pid}, since [^)]+\\) is using the (?:build cache|output folder)`,
        'u',
      ),
    );
    expect(together.loser.output).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(stackLines(together.loser.output)).toEqual([]);
  });
});

describe('a build after a crash', () => {
  it('takes over the locks of builds that are gone, and leaves none behind', () => {
    expect(repaired.status).toBe(0);
    expect(locks.filter((lock) => existsSync(lock))).toEqual([]);
  });

  it('discards each damaged cache file with a warning naming it, and makes it again', () => {
    for (const file of ['built-files.json', 'archive-seeds.json', 'archive-output.json'])
      expect(repaired.output).toContain(`the cache file ${join(cacheDir, file)} is damaged: discarded`);
    for (const file of damaged)
      expect(() => JSON.parse(readFileSync(join(cacheDir, file), 'utf8'))).not.toThrow();
  });

  it('gives the same site, file by file, as the build before the damage', () => {
    expect(built.size).toBeGreaterThan(30);
    expect(changedFiles(built, distFiles(join(root, 'dist')))).toEqual([]);
  });
});
