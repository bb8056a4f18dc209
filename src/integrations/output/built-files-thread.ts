import type { BuiltFile } from '../../lib/offline/plan.ts';
import { documentPath } from '../../lib/site/paths.ts';
import { buildCache } from '../../build/build-cache.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import { listBuiltFiles, type KnownFile } from './built-files.ts';
import type { OutputState } from './output-manifest.ts';

/** What the offline integration needs to know of the built site. */
export interface BuiltSite {
  files: BuiltFile[];
  /** Each document page's URL and headline, from the loader's records. */
  titles: [url: string, title: string][];
}

/** Lists the built files with their transfer sizes and revisions, and the documents' titles (runs on a thread). */
export default async function surveyBuiltSite(task: {
  directory: string;
  base: string;
  cacheDir: string;
  records: readonly DocumentRecord[];
  /** The files builds wrote in the output folder, as the build listed them. */
  present: OutputState;
}): Promise<BuiltSite> {
  const known = buildCache(task.cacheDir).builtFiles;
  const before = new Map(await known.read<[string, KnownFile][]>([]));
  const listed = listBuiltFiles(task.directory, task.present, before);
  await known.write([...listed.known]);
  return {
    files: listed.files,
    titles: task.records.map((record) => [documentPath(task.base, record.id), record.headline]),
  };
}
