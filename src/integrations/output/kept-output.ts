import { rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { rethrowFault } from '../../build/build-stop.ts';
import { buildCache } from '../../build/build-cache.ts';
import {
  foreignFiles,
  readManifest,
  scanOutput,
  writeManifest,
  type OutputState,
} from './output-manifest.ts';

// What the last build with this cache left in its output folder: the files builds wrote there, with
// their sizes and modification times. Version 2 lists only those (earlier records listed every file).
interface RecordedOutput {
  version: 2;
  outDir: string;
  files: [path: string, size: number, mtime: number][];
}

const same = (a: OutputState, b: OutputState): boolean =>
  a.size === b.size &&
  [...a].every(([path, [size, mtime]]) => b.get(path)?.[0] === size && b.get(path)?.[1] === mtime);

// Deletes files the builds wrote, then the folders they leave empty, up to the output folder (never
// a folder of files no build wrote: an empty `.git/refs/tags` is part of a repository).
async function remove(outDir: string, paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map((path) =>
      rm(join(outDir, path), { force: true }).catch((error: unknown) =>
        rethrowFault(error, 'write', join(outDir, path)),
      ),
    ),
  );
  const folders = new Set<string>();
  for (const path of paths) for (let at = dirname(path); at !== '.'; at = dirname(at)) folders.add(at);
  // Deepest first, so a parent is tried after its children; a folder that is not empty stays.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(join(outDir, folder)).catch(() => {});
  }
}

/** The output folder's steps of one build, in the order the build calls them. */
export interface KeptOutput {
  /** Before Astro writes: deletes what builds wrote unless it is exactly what the last build left. */
  start: (logger: AstroIntegrationLogger) => Promise<void>;
  /**
   * After the render: deletes what the last build wrote and this one neither wrote nor kept, and
   * gives the folder's files then (the one listing of the folder the end of the build takes).
   */
  prune: (assets: ReadonlyMap<string, readonly URL[]>) => Promise<OutputState>;
  /** The files no build wrote when this one started (a deploy checkout's `.git`, a `CNAME`). */
  foreignAtStart: () => ReadonlySet<string>;
  /** Last: records what the builds wrote (`present`, the listing kept up to date), in the cache and the manifest. */
  record: (present: OutputState) => Promise<void>;
}

/** Where a build's output goes: its folders, and the cache that remembers what the last build left. */
export interface KeptOutputFolders {
  cacheDir: string;
  outDir: string;
  publicDir: string;
}

/**
 * Lets a rebuild keep the pages it reuses where they are, and deletes only what builds wrote. Astro
 * would empty the output folder and copy every unchanged page back from its cache (at 10,000
 * documents, deleting and copying 11,000 files); with `vite.build.emptyOutDir: false` it keeps a
 * page that is already there. That is safe only when the builds' files are exactly what the last
 * build with this cache left, so `start` deletes them otherwise (another build's output, a
 * hand-edited page, a build that was killed), `prune` deletes after the render every file of the
 * last build that this one neither wrote nor kept as a page (removed documents, the previous
 * build's assets and index), and `record`, last, records what the builds wrote. Which files are the
 * builds' is kept in the folder (`output-manifest.ts`): anything else there is never deleted.
 */
export function keptOutput(folders: KeptOutputFolders): KeptOutput {
  const record = buildCache(folders.cacheDir).output;
  const outDir = folders.outDir.replace(/\/+$/u, '');
  let before: OutputState = new Map();
  let foreign: OutputState = new Map();
  let foreignAtStart = new Set<string>();
  return {
    foreignAtStart: () => foreignAtStart,
    start: async (logger) => {
      const recorded = await record.read<RecordedOutput | undefined>(undefined);
      const known = recorded?.version === 2 && recorded.outDir === outDir ? recorded : undefined;
      // The record stands in for a manifest lost from the folder (deleted, or damaged by hand).
      const manifest =
        (await readManifest(outDir)) ??
        (known && { state: 'built' as const, files: known.files.map(([path]) => path) });
      const present = scanOutput(outDir);
      const others = foreignFiles(manifest, present.keys());
      foreignAtStart = others;
      foreign = new Map([...present].filter(([path]) => others.has(path)));
      const built = new Map([...present].filter(([path]) => !others.has(path)));
      // Before Astro writes anything: should this build be killed, the next one still knows that
      // everything but these files was written by a build.
      await writeManifest(outDir, { state: 'building', foreign: [...others].sort() });
      if (others.size > 0) logger.info(`kept ${others.size} files of the output folder that no build wrote`);
      const expected: OutputState = new Map(known?.files.map(([path, size, mtime]) => [path, [size, mtime]]));
      before = built;
      if (manifest?.state === 'built' && known && same(built, expected)) return;
      if (built.size > 0) logger.info('the output folder is not what the last build left: written anew');
      await remove(outDir, [...built.keys()]);
      before = new Map();
    },
    prune: async (assets) => {
      const pages = new Set(
        [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/')),
      );
      // Astro (7.4) copies the public folder with its files' own times: written, though unchanged.
      for (const path of scanOutput(folders.publicDir).keys()) pages.add(path);
      const now = scanOutput(outDir);
      const stale = [...now].filter(([path, [size, mtime]]) => {
        const old = before.get(path);
        return !pages.has(path) && old?.[0] === size && old[1] === mtime;
      });
      await remove(
        outDir,
        stale.map(([path]) => path),
      );
      for (const [path] of stale) now.delete(path);
      // A file no build wrote that this one wrote over, or kept as one of its pages, is now the builds'.
      foreign = new Map(
        [...foreign].filter(([path, [size, mtime]]) => {
          const found = now.get(path);
          return !pages.has(path) && found?.[0] === size && found[1] === mtime;
        }),
      );
      return now;
    },
    record: async (present) => {
      const built = [...present].filter(([path]) => !foreign.has(path));
      const files = built.map(([path, [size, mtime]]): RecordedOutput['files'][number] => [
        path,
        size,
        mtime,
      ]);
      await record.write({ version: 2, outDir, files } satisfies RecordedOutput);
      // Last: until the build is complete, the manifest still says which files no build wrote.
      await writeManifest(outDir, { state: 'built', files: built.map(([path]) => path).sort() });
    },
  };
}
