import { availableParallelism } from 'node:os';
import { threadPool } from '../build/off-thread.ts';
import type { DerivedSeed, DeriveTask } from './derive-thread.ts';

/** Runs derive batches on worker threads when there is much to do, inline when there is little. */
export interface Deriver {
  derive: (task: DeriveTask) => Promise<DerivedSeed[]>;
  close: () => Promise<void>;
}

// Starting the threads costs about half a second (each loads the typography and language models):
// a rebuild that changed a few documents is faster inline.
const MIN_BATCH_FOR_THREADS = 16;

/**
 * A deriver for one sync pass with this many worker threads (0: all inline); `close` it when the
 * pass ends so its threads exit. The default leaves one core to the build's own thread, which reads,
 * digests and stores documents meanwhile: on 2 cores, two threads measured slower than one.
 */
export function createDeriver(threads = availableParallelism() - 1): Deriver {
  const pool =
    threads > 0
      ? threadPool<DeriveTask, DerivedSeed[]>(new URL('./derive-thread.ts', import.meta.url), threads)
      : undefined;
  // Loaded when a document is first derived here: its typography and language models took 0.2 s of
  // every rebuild, though a rebuild with nothing changed derives nothing.
  let inline: Promise<typeof import('./derive-thread.ts')> | undefined;
  return {
    derive: async (task) => {
      // While every thread has a batch waiting, the calling thread takes this one itself: it would
      // otherwise sit idle until the threads catch up (content sync at 10,000 documents: 10.6 → 9.0 s).
      if (!pool || task.seeds.length < MIN_BATCH_FOR_THREADS || pool.queued > 0) {
        inline ??= import('./derive-thread.ts');
        return (await inline).default(task);
      }
      return pool.run(task);
    },
    close: async () => {
      await pool?.close();
    },
  };
}
