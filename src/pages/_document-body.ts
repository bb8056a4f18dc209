import buildSettings from 'virtual:archive/build';
import { bodiesDir, readBody } from '../loaders/document-bodies.ts';

// Here rather than beside `readBody`: the loader's modules stay free of the settings, so editing
// them does not change the code digest that keys every record (`src/loaders/code-digest.ts`).

/** The rendered body HTML of a document of this site's content collection. */
export function documentBody(entry: { id: string; digest?: number | string }): string {
  return readBody(bodiesDir(buildSettings.cacheDir), entry);
}
