import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Lists every `*.txt` file below a folder (recursively, hidden entries skipped), sorted, as `/` paths. */
export async function listSeedFiles(directory: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && /\.txt$/iu.test(entry.name))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
