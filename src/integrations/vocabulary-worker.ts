import { buildChunks } from './vocabulary-chunks.ts';

/** Counts the vocabulary of the records in a cache folder on a thread of its own. */
export default function countOnThread(task: { cacheDir: string }): Promise<Map<string, string>> {
  return buildChunks(task.cacheDir);
}
