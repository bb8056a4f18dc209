import { Worker } from 'node:worker_threads';
import type { ShardedIndexer, ShardedIndexOptions } from './search-indexer.ts';
import type { IndexerReply, IndexerRequest } from './search-indexer-worker.ts';

type Done = { pages: number; bundles: number };

// Pages handed to the indexing thread and not yet taken by it before rendering waits.
const UNACKNOWLEDGED_LIMIT = 256;

/**
 * The sharded indexer on a thread of its own. The build's heap holds gigabytes while pages render;
 * the messages to Pagefind's service allocate a buffer per page, and each allocation there brings
 * a full collection of that heap (render slowed from 1.9 to 3.5 ms a page at 100,000 documents).
 */
export function shardedIndexerOnThread(options: ShardedIndexOptions): ShardedIndexer {
  const { progress, ...shared } = options;
  const worker = new Worker(new URL('./search-indexer-worker.ts', import.meta.url), { workerData: shared });
  let unacknowledged = 0;
  let reported = 0;
  let failure: Error | undefined;
  let waiting: (() => void)[] = [];
  let finishing: { resolve: (result: Done) => void; reject: (error: Error) => void } | undefined;
  const wake = (): void => {
    for (const resume of waiting) resume();
    waiting = [];
  };
  const report = (indexed: number): void => {
    for (; reported < indexed; reported += 1) progress?.();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    finishing?.reject(failure);
    wake();
  };
  worker.on('message', (reply: IndexerReply) => {
    if (reply.type === 'error') return fail(new Error(reply.message));
    if (reply.type === 'finished') {
      report(reply.pages);
      finishing?.resolve({ pages: reply.pages, bundles: reply.bundles });
      return;
    }
    unacknowledged -= 1;
    report(reply.indexed);
    wake();
  });
  worker.on('error', fail);
  const send = (request: IndexerRequest): void => worker.postMessage(request);
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    expect: (pages) => send({ type: 'expect', pages }),
    add: async (url, content) => {
      check();
      unacknowledged += 1;
      send({ type: 'add', url, content });
      while (unacknowledged > UNACKNOWLEDGED_LIMIT && !failure) {
        await new Promise<void>((resume) => waiting.push(resume));
      }
      check();
    },
    finish: async () => {
      check();
      const result = new Promise<Done>((resolve, reject) => {
        finishing = { resolve, reject };
      });
      send({ type: 'finish' });
      try {
        return await result;
      } finally {
        await worker.terminate();
      }
    },
  };
}
