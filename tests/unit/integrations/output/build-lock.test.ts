import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeLock } from '../../../../src/integrations/output/build-lock.ts';

const lockPath = (): string => join(mkdtempSync(join(tmpdir(), 'archive-lock-')), 'archive-build.lock');

describe('the build lock', () => {
  it('is taken when free, naming this process', () => {
    const path = lockPath();
    takeLock(path, 'the cache');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('stops a second build with one line naming the process that holds it', () => {
    const path = lockPath();
    // The parent of this test runner is alive for as long as the test runs.
    writeFileSync(path, JSON.stringify({ pid: process.ppid, since: '2026-12-07T00:00:00.000Z' }));
    expect(() => takeLock(path, 'the build cache /x')).toThrow(
      `another build (pid ${process.ppid}, since 2026-12-07T00:00:00.000Z) is using the build cache /x: wait for it to end, or stop it`,
    );
  });

  it('takes over a lock whose process is gone', () => {
    const path = lockPath();
    const gone = spawnSync('true').pid;
    writeFileSync(path, JSON.stringify({ pid: gone, since: '2026-12-07T00:00:00.000Z' }));
    takeLock(path, 'the cache');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
  });
});
