// Runs a sharded Pagefind indexer on its own thread (see `shardedIndexerOnThread`): messages in
// are `expect`, `add` and `finish`; out go an acknowledgement per page, progress and the result.
import { parentPort, workerData } from 'node:worker_threads';
import { shardedIndexer, type ShardedIndexOptions } from './search-indexer.ts';

/** A message from the build's thread to the indexing thread. */
export type IndexerRequest =
  { type: 'expect'; pages: number } | { type: 'add'; url: string; content: string } | { type: 'finish' };

/** A message from the indexing thread back to the build's thread. */
export type IndexerReply =
  | { type: 'ack'; indexed: number }
  | { type: 'finished'; pages: number; bundles: number }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  let indexed = 0;
  const indexer = shardedIndexer({
    ...(workerData as Omit<ShardedIndexOptions, 'progress'>),
    progress: () => {
      indexed += 1;
    },
  });
  const reply = (message: IndexerReply): void => port.postMessage(message);
  const fail = (error: unknown): void =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  port.on('message', (request: IndexerRequest) => {
    if (request.type === 'expect') indexer.expect(request.pages);
    else if (request.type === 'add')
      indexer.add(request.url, request.content).then(() => reply({ type: 'ack', indexed }), fail);
    else
      indexer.finish().then(({ pages, bundles }) => {
        reply({ type: 'finished', pages, bundles });
        port.close();
      }, fail);
  });
}
