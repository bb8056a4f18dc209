import { buildChunks } from './vocabulary-chunks.ts';

/** Counts the vocabulary of a seeds folder on a thread of its own (see `chunksInWorker`). */
export default function countOnThread(task: { seedsDir: string }): Promise<Map<string, string>> {
  return buildChunks(task.seedsDir);
}
