import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { buildCache } from '../../build/build-cache.ts';
import { BuildStop, exitOnStop, rethrowFault } from '../../build/build-stop.ts';
import { OUTPUT_LOCK } from './output-manifest.ts';

/** Who holds a lock: the process and when it took it. */
interface Holder {
  pid: number;
  since: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const holderOf = (path: string): Holder | undefined => {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, since: String(holder.since) } : undefined;
  } catch {
    return undefined;
  }
};

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

// A lock file still being written by the build that just made it is empty for a moment; one that
// stays unreadable for this long was left half written by a killed build.
const UNREADABLE_MS = 10_000;

/**
 * Takes the lock file at `path` for this process until it exits, taking over one whose process is
 * gone (a build killed with `kill -9`); throws a `BuildStop` naming the process that holds it.
 */
export function takeLock(path: string, what: string): void {
  const own: Holder = { pid: process.pid, since: new Date().toISOString() };
  const text = JSON.stringify(own);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(path, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rethrowFault(error, 'write', path);
      if (attempt > 20) {
        throw new BuildStop(
          `${path} stays locked by a build that cannot be named: delete it if no build runs`,
        );
      }
    }
    const holder = holderOf(path);
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (holder && alive(holder.pid) && holder.pid !== process.pid) {
      throw new BuildStop(
        `another build (pid ${holder.pid}, since ${holder.since}) is using ${what}: wait for it to end, or stop it`,
      );
    }
    if (!holder && age < UNREADABLE_MS) {
      pause(50);
      continue;
    }
    // Moved aside, not deleted: of two builds taking over the same dead lock, one move succeeds.
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = holderOf(aside);
    // Another build took the lock between the look and the move: give it back.
    if (moved && moved.pid !== holder?.pid) {
      try {
        linkSync(aside, path);
      } catch {
        // It is gone or taken again: the next attempt sees which.
      }
    }
    rmSync(aside, { force: true });
  }
  process.on('exit', () => {
    if (holderOf(path)?.pid === process.pid) rmSync(path, { force: true });
  });
}

/**
 * One build at a time: a build takes a lock on its cache folder and on its output folder before
 * it reads or writes either, and a second build on either stops at once with one line naming the
 * process of the first. A lock whose process is gone is taken over. `astro dev` takes none.
 */
export function takeBuildLocks(cacheDir: string, outDir: string, logger: AstroIntegrationLogger): void {
  try {
    for (const [folder, lock, what] of [
      [cacheDir, buildCache(cacheDir).lock, 'the build cache'],
      [outDir, join(outDir, OUTPUT_LOCK), 'the output folder'],
    ] as const) {
      mkdirSync(folder, { recursive: true });
      takeLock(lock, `${what} ${folder.replace(/\/+$/u, '')}`);
    }
  } catch (error) {
    throw exitOnStop(error, (line) => logger.error(line));
  }
}
