import { basename } from 'node:path';
import { Piscina } from 'piscina';

/**
 * The build's one way to run work on other threads: a Piscina pool over a module whose default
 * export takes one task. A task that throws rejects `run` with an `Error` naming the module, its
 * message first and the original as `cause`; data a task reports (a document's problem) is part of
 * its result, never an error.
 */
export interface ThreadPool<Task, Result> {
  run: (task: Task) => Promise<Result>;
  /** Tasks waiting for a free thread. */
  readonly queued: number;
  /** Stops the threads once the tasks already given have finished. */
  close: () => Promise<void>;
}

function named(module: URL, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${basename(module.pathname)}: ${message}`, { cause: error });
}

/** A pool of `threads` threads (at least one) running `module`; they start with the first task. */
export function threadPool<Task, Result>(module: URL, threads: number): ThreadPool<Task, Result> {
  let pool: Piscina | undefined;
  const size = Math.max(1, threads);
  return {
    run: async (task) => {
      pool ??= new Piscina({ filename: module.href, minThreads: size, maxThreads: size });
      try {
        return (await pool.run(task)) as Result;
      } catch (error) {
        throw named(module, error);
      }
    },
    get queued() {
      return pool?.queueSize ?? 0;
    },
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}

/**
 * Runs one task of a worker module on a thread of its own. After rendering, the build's heap holds
 * gigabytes; every buffer allocated there brings a full collection of it (at 100,000 documents,
 * sizing the output took 95 s on the build's thread and 18 s on a fresh one).
 */
export async function offThread<T>(module: URL, task: unknown): Promise<T> {
  const pool = threadPool<unknown, T>(module, 1);
  try {
    return await pool.run(task);
  } finally {
    await pool.close();
  }
}

/**
 * Starts work now to be awaited later (a thread beside the render): the promise counts as handled,
 * so a failure is thrown where it is awaited, with the time the work ended.
 */
export function background<T>(work: Promise<T>): Promise<{ value: T; end: number }> {
  const settled = work.then((value) => ({ value, end: Date.now() }));
  settled.catch(() => {});
  return settled;
}
