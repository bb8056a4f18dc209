import { offThread } from './off-thread.ts';

/** Chunks counted on another thread, or why counting failed, and when it finished. */
export type ThreadResult = { chunks: Map<string, string>; end: number } | { error: Error; end: number };

/**
 * Counts the vocabulary of `seedsDir` in a worker thread, so it runs beside rendering. Never
 * rejects: the caller decides when a failure matters.
 */
export function chunksInWorker(seedsDir: string): Promise<ThreadResult> {
  return offThread<Map<string, string>>(new URL('./vocabulary-worker.ts', import.meta.url), {
    seedsDir,
  }).then(
    (chunks) => ({ chunks, end: Date.now() }),
    (error: unknown) => ({
      error: error instanceof Error ? error : new Error(String(error)),
      end: Date.now(),
    }),
  );
}
