// The rebuilds measured after the cold build, each on the cache and seeds the previous one left: nothing
// changed, one document changed, one document added after all others (as an archive grows).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syntheticSeed } from './corpus.ts';

/** One rebuild: its name and the change it makes to the seeds, returning how to undo it. */
export interface RebuildCase {
  name: 'no-change' | 'change-one' | 'add-one';
  apply: (seeds: string) => Promise<() => Promise<void>>;
}

/** The rebuilds of a corpus of `docs` documents, in the order they run. */
export function rebuildCases(docs: number): RebuildCase[] {
  return [
    { name: 'no-change', apply: async () => async () => {} },
    {
      name: 'change-one',
      apply: async (seeds) => {
        const changed = syntheticSeed(Math.floor(docs / 2));
        const path = join(seeds, changed.path);
        await writeFile(path, changed.text.replace('\n\n', '\n\nИзменённый абзац для проверки пересборки.\n\n'));
        return () => writeFile(path, changed.text);
      },
    },
    {
      name: 'add-one',
      apply: async (seeds) => {
        // The corpus ends in 2025: the new document is the newest, the next one the generator makes.
        const next = syntheticSeed(docs);
        const path = join(seeds, '2026', 'added.txt');
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, next.text.replace(/^ date \S+/u, ' date 2026-01-15'));
        return () => rm(dirname(path), { recursive: true, force: true });
      },
    },
  ];
}
