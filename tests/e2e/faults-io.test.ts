import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// File-system errors injected by a preloaded module (tests/support/fs-faults.mjs) in every process
// and thread of the build: the site's code has no injection of its own.
const preload = fileURLToPath(new URL('../support/fs-faults.mjs', import.meta.url));
const seeds = resolve('tests/.output/faults-io-seeds');
const pointers = resolve('tests/.output/faults-io-lfs');

function build(name: string, folder: string, fault?: { code: string; op: 'read' | 'write'; under: string }) {
  const env: Record<string, string> = fault
    ? { FS_FAULT: JSON.stringify(fault), NODE_OPTIONS: `--import=${preload}` }
    : {};
  return buildFixtureSite(name, folder, { STRICT: '', ...env });
}

// Lines of the build's output a reader would take for a stack trace or a document's problem.
const stackLines = (output: string): string[] => output.split('\n').filter((line) => /^\s+at /u.test(line));

let full: FixtureSite;
let unreadable: FixtureSite;
let lfs: FixtureSite;
const fullCache = resolve('tests/.output/faults-io-full/cache');
const locked = join(seeds, 'locked');

beforeAll(() => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 3);
  mkdirSync(locked, { recursive: true });
  writeFileSync(join(locked, 'report.txt'), ' date 2024-05-01 Закрытый файл\n\nТекст.\n');
  rmSync(pointers, { recursive: true, force: true });
  mkdirSync(pointers, { recursive: true });
  for (const name of ['a', 'b'])
    writeFileSync(
      join(pointers, `${name}.txt`),
      `version https://git-lfs.github.com/spec/v1\noid sha256:${name.repeat(64)}\nsize 1532\n`,
    );
  full = build('faults-io-full', seeds, {
    code: 'ENOSPC',
    op: 'write',
    under: join(fullCache, 'archive-bodies'),
  });
  unreadable = build('faults-io-unreadable', seeds, { code: 'EACCES', op: 'read', under: locked });
  lfs = build('faults-io-lfs', pointers);
}, 300_000);

describe('a failure of the machine during a build', () => {
  it('stops the build on a full disk with one line naming the file and ENOSPC, not a document problem', () => {
    expect(full.status).toBe(1);
    expect(full.output).toMatch(
      new RegExp(`cannot write ${fullCache}/archive-bodies/[0-9a-f]+\\.html: ENOSPC \\(no space left`, 'u'),
    );
    expect(full.output).not.toContain('cannot render the document');
    expect(stackLines(full.output)).toEqual([]);
  });

  it('stops the build on a seed it may not read with one line naming it and EACCES, not a problem of that seed', () => {
    expect(unreadable.status).toBe(1);
    expect(unreadable.output).toContain(
      `cannot read ${join(locked, 'report.txt')}: EACCES (permission denied)`,
    );
    expect(unreadable.output).not.toContain('cannot read the file');
    expect(stackLines(unreadable.output)).toEqual([]);
  });
});

describe('seed files with no document among them', () => {
  it('stops the build when every seed is a Git LFS pointer, saying to run git lfs pull', () => {
    expect(lfs.status).toBe(1);
    expect(lfs.output).toContain(
      `none of the 2 seed files in ${pointers}/ is a document (listed above); 2 of them are Git LFS pointers: run \`git lfs pull\``,
    );
    expect(lfs.output).not.toContain('the site is built empty');
    expect(stackLines(lfs.output)).toEqual([]);
  });
});
