import { Worker } from 'node:worker_threads';

/** Chunks counted on another thread, or why counting failed, and when it finished. */
export type ThreadResult = { chunks: Map<string, string>; end: number } | { error: Error; end: number };

/**
 * Counts the vocabulary of `seedsDir` in a worker thread, so it runs beside rendering. Never
 * rejects: the caller decides when a failure matters.
 */
export function chunksInWorker(seedsDir: string): Promise<ThreadResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ThreadResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const worker = new Worker(new URL('./vocabulary-worker.ts', import.meta.url), {
      workerData: { seedsDir },
    });
    worker.once('message', (chunks: Map<string, string>) => settle({ chunks, end: Date.now() }));
    worker.once('error', (error) => settle({ error, end: Date.now() }));
    worker.once('exit', (code) =>
      settle({ error: new Error(`vocabulary worker stopped with code ${code}`), end: Date.now() }),
    );
  });
}
