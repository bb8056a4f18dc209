import type { BuiltFile } from '../lib/offline-plan.ts';
import { listBuiltFiles, readTitles } from './built-files.ts';

/** What the offline integration needs to know of the built site. */
export interface BuiltSite {
  files: BuiltFile[];
  /** Page URL and the title its search fragment records. */
  titles: [url: string, title: string | null][];
}

/** Lists the built files with their transfer sizes and revisions, and the pages' titles (runs on a thread). */
export default async function surveyBuiltSite(task: { directory: string; base: string }): Promise<BuiltSite> {
  const files = await listBuiltFiles(task.directory);
  const titles = await readTitles(task.directory, task.base, files);
  return { files, titles: [...titles] };
}
