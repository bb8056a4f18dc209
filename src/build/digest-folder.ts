import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemporary, writeAtomicSync } from './atomic-file.ts';

/** A cache folder of one file per document, named by the digest of its seed. */
export interface DigestFolder {
  directory: string;
  /** Where the file of this digest is kept. */
  path: (digest: string) => string;
  /** Makes the folder, once per sync rather than once per file. */
  make: () => Promise<void>;
  /**
   * Writes one file into the folder. Synchronously: it runs on a derive thread of its own, where an
   * async write is three trips through the I/O pool for a 4 kB file.
   */
  write: (digest: string, text: string) => void;
  /**
   * Whether the folder held the file of this digest when first asked: listed once, as a sync asks
   * for every document (two `existsSync` each took 0.4 s of a rebuild at 10,000 documents).
   */
  had: (digest: string) => boolean;
  /** The file's text; throws the system's error when it is missing. */
  read: (digest: string) => string;
  /** Deletes the files of digests not in `keep` (and temporary files a killed build left), and says how many. */
  prune: (keep: ReadonlySet<string>) => Promise<number>;
}

/** The folder `directory` holding one `<digest><extension>` file per document. */
export function digestFolder(directory: string, extension: string): DigestFolder {
  const path = (digest: string): string => join(directory, `${digest}${extension}`);
  let listed: Set<string> | undefined;
  const names = (): string[] => {
    try {
      return readdirSync(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  const list = (): Set<string> => {
    listed ??= new Set(
      names()
        .filter((name) => name.endsWith(extension))
        .map((name) => name.slice(0, -extension.length)),
    );
    return listed;
  };
  return {
    directory,
    path,
    make: async () => {
      await mkdir(directory, { recursive: true });
    },
    write: (digest, text) => writeAtomicSync(path(digest), text),
    had: (digest) => list().has(digest),
    read: (digest) => readFileSync(path(digest), 'utf8'),
    prune: async (keep) => {
      const names = await readdir(directory).catch(() => []);
      const stale = names.filter(
        (name) =>
          isTemporary(name) || (name.endsWith(extension) && !keep.has(name.slice(0, -extension.length))),
      );
      await Promise.all(stale.map((name) => rm(join(directory, name), { force: true })));
      return stale.length;
    },
  };
}
