import type { BuiltFile } from '../lib/offline-plan.ts';
import { listBuiltFiles, readFragments, type FragmentInfo } from './built-files.ts';

/** What the offline integration needs to know of the built site. */
export interface BuiltSite {
  files: BuiltFile[];
  fragments: [url: string, fragment: FragmentInfo][];
}

/** Lists the built files with their transfer sizes and reads Pagefind's fragments (runs on a thread). */
export default async function surveyBuiltSite(task: { directory: string; base: string }): Promise<BuiltSite> {
  const files = await listBuiltFiles(task.directory);
  const fragments = await readFragments(task.directory, task.base, files);
  return { files, fragments: [...fragments] };
}
