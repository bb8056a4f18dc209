import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/integrations/output/build-report.ts';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// A deploy checkout in the output folder (the gh-pages way): a repository, the host's files, and
// a file of the publisher's own; built clean, then incrementally, then clean with a `.git` file
// (a `git worktree`) and one document fewer.
const name = 'faults-deploy';
const seeds = resolve('tests/.output/faults-deploy-seeds');
const outDir = resolve('tests/.output', name, 'dist');
const removed = 'generated-00002';
const theirs = { CNAME: 'archive.example.org\n', '.nojekyll': '', 'host/verify.html': 'host\n' };

const git = (...args: string[]): string => {
  const result = spawnSync('git', ['-C', outDir, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

let builds: Record<'clean' | 'incremental' | 'worktree', FixtureSite>;
let kept: Record<'clean' | 'incremental' | 'worktree', Record<string, string | undefined>>;
let afterIncremental: { log: string; fsck: number | null; reused: number };
let worktreeFile: string;

function build(cache: 'clear' | 'keep'): FixtureSite {
  const site = buildFixtureSite(name, seeds, { PAGE_SIZE: '5' }, [], { cache });
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  return site;
}

const survivors = (): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.keys(theirs).map((path) => [
      path,
      existsSync(join(outDir, path)) ? readFileSync(join(outDir, path), 'utf8') : undefined,
    ]),
  );

beforeAll(() => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 3);
  rmSync(resolve('tests/.output', name), { recursive: true, force: true });
  mkdirSync(join(outDir, 'host'), { recursive: true });
  for (const [path, text] of Object.entries(theirs)) writeFileSync(join(outDir, path), text);
  git('init', '--quiet');
  git('add', '--all');
  git(
    '-c',
    'user.name=Publisher',
    '-c',
    'user.email=publisher@example.org',
    'commit',
    '--quiet',
    '-m',
    'host files',
  );
  const clean = build('clear');
  const keptClean = survivors();
  const incremental = build('keep');
  const keptIncremental = survivors();
  afterIncremental = {
    log: git('log', '--format=%s'),
    fsck: spawnSync('git', ['-C', outDir, 'fsck', '--no-progress'], { encoding: 'utf8' }).status,
    reused: (JSON.parse(readFileSync(incremental.buildReport, 'utf8')) as BuildReport).pages.reused,
  };
  rmSync(join(outDir, '.git'), { recursive: true, force: true });
  worktreeFile = 'gitdir: /srv/archive/.git/worktrees/gh-pages\n';
  writeFileSync(join(outDir, '.git'), worktreeFile);
  rmSync(join(seeds, `${removed}.txt`));
  const worktree = build('clear');
  builds = { clean, incremental, worktree };
  kept = { clean: keptClean, incremental: keptIncremental, worktree: survivors() };
}, 300_000);

describe('a deploy checkout in the output folder', () => {
  it('keeps the repository, CNAME, .nojekyll and the host’s files through a clean build', () => {
    expect(builds.clean.output).toContain('files of the output folder that no build wrote');
    expect(kept.clean).toEqual(theirs);
  });

  it('keeps the repository whole, and the host’s files, through an incremental build', () => {
    expect(afterIncremental.reused).toBeGreaterThan(0);
    expect(kept.incremental).toEqual(theirs);
    expect(afterIncremental.log.trim()).toBe('host files');
    expect(afterIncremental.fsck).toBe(0);
  });

  it('keeps a .git file (a git worktree) and the host’s files through a clean build with a new cache', () => {
    expect(readFileSync(join(outDir, '.git'), 'utf8')).toBe(worktreeFile);
    expect(kept.worktree).toEqual(theirs);
  });

  it('still deletes what a build wrote and no longer makes, even with a new cache', () => {
    const pages = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(pages).toContain('/doc/generated-00001/');
    expect(pages).not.toContain(`/doc/${removed}/`);
    expect(existsSync(join(outDir, 'doc', removed))).toBe(false);
    expect(existsSync(join(outDir, 'doc', 'generated-00001', 'index.html'))).toBe(true);
  });

  it('leaves the files no build wrote out of the offline cache', () => {
    const worker = readFileSync(join(outDir, 'sw.js'), 'utf8');
    expect(worker).not.toMatch(/CNAME|nojekyll|host\/verify|\.git/u);
  });
});
