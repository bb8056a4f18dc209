import { join } from 'node:path';
import type { BuiltFile } from '../lib/offline-plan.ts';
import { documentPath } from '../lib/paths.ts';
import { readRecords } from '../loaders/document-records.ts';
import { readJson, writeJson } from '../loaders/json-file.ts';
import { listBuiltFiles, type KnownFile } from './built-files.ts';
import { foreignOutput } from './output-manifest.ts';

/** What the offline integration needs to know of the built site. */
export interface BuiltSite {
  files: BuiltFile[];
  /** Each document page's URL and headline, from the loader's records. */
  titles: [url: string, title: string][];
}

/** Where the survey keeps what it learnt of each built file, for the next build. */
export function knownFilesPath(cacheDir: string): string {
  return join(cacheDir, 'built-files.json');
}

/** Lists the built files with their transfer sizes and revisions, and the documents' titles (runs on a thread). */
export default async function surveyBuiltSite(task: {
  directory: string;
  base: string;
  cacheDir: string;
}): Promise<BuiltSite> {
  const path = knownFilesPath(task.cacheDir);
  const before = new Map(await readJson<[string, KnownFile][]>(path, []));
  // A deploy checkout's `.git`, a `CNAME`: never precached, never part of the build's identity.
  const { files, known } = await listBuiltFiles(task.directory, before, await foreignOutput(task.directory));
  await writeJson(path, [...known]);
  const records = await readRecords(task.cacheDir);
  return { files, titles: records.map((record) => [documentPath(task.base, record.id), record.headline]) };
}
