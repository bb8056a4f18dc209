import type { DocumentRecord } from '../../schemas/document.ts';
import { buildChunks } from './vocabulary-chunks.ts';

/** Counts the vocabulary of the records given on a thread of its own (words from the cache folder). */
export default function countOnThread(task: {
  cacheDir: string;
  records: DocumentRecord[];
}): Promise<Map<string, string>> {
  return buildChunks(task.cacheDir, task.records);
}
