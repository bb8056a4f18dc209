import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readJson, writeJson } from '../loaders/json-file.ts';

/** Every file of an output folder (relative `/` path) with its size and modification time. */
type OutputState = Map<string, [size: number, mtime: number]>;

interface RecordedOutput {
  outDir: string;
  files: [path: string, size: number, mtime: number][];
}

async function scan(outDir: string): Promise<OutputState> {
  const state: OutputState = new Map();
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { size, mtimeMs } = await stat(path);
    state.set(relative(outDir, path).split(sep).join('/'), [size, mtimeMs]);
  }
  return state;
}

const same = (a: OutputState, b: OutputState): boolean =>
  a.size === b.size &&
  [...a].every(([path, [size, mtime]]) => b.get(path)?.[0] === size && b.get(path)?.[1] === mtime);

// Folders left empty by deleted pages go too (a folder that is not empty stays).
async function removeEmptyFolders(directory: string): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const folder = join(directory, entry.name);
    await removeEmptyFolders(folder);
    await rmdir(folder).catch(() => {});
  }
}

/**
 * Lets a rebuild keep the pages it reuses where they are. Astro would empty the output folder and
 * copy every unchanged page back from its cache (at 10,000 documents, deleting and copying 11,000
 * files); with `vite.build.emptyOutDir: false` it keeps a page that is already there. That is
 * safe only when the folder holds exactly what the last build with this cache wrote, so the first
 * integration empties it otherwise (another build's output, a hand-edited file), and after the
 * render deletes every file this build neither wrote nor kept as a page (removed documents, the
 * previous build's assets and index); the second, listed last, records what the folder holds.
 */
export function keptOutput(options: { cacheDir: string }): [AstroIntegration, AstroIntegration] {
  const recordPath = resolve(options.cacheDir, 'archive-output.json');
  let outDir = '';
  let publicDir = '';
  let before: OutputState = new Map();
  const first: AstroIntegration = {
    name: 'archive:kept-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/+$/u, '');
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': async ({ logger }) => {
        const recorded = await readJson<RecordedOutput | undefined>(recordPath, undefined).catch(
          () => undefined,
        );
        before = await scan(outDir);
        const expected: OutputState = new Map(
          recorded?.files.map(([path, size, mtime]) => [path, [size, mtime]]),
        );
        if (recorded?.outDir === outDir && same(before, expected)) return;
        if (before.size > 0) logger.info('the output folder is not what the last build left: emptied');
        // As Astro itself empties it, a `.git` folder (a deploy checkout) stays.
        const entries = (await readdir(outDir).catch(() => [])).filter((name) => name !== '.git');
        await Promise.all(entries.map((name) => rm(join(outDir, name), { recursive: true, force: true })));
        before = new Map();
      },
      'astro:build:done': async ({ assets }) => {
        const pages = new Set(
          [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/')),
        );
        // Astro (7.4) copies the public folder with its files' own times: written, though unchanged.
        for (const path of (await scan(publicDir)).keys()) pages.add(path);
        const now = await scan(outDir);
        const stale = [...now].filter(([path, [size, mtime]]) => {
          const old = before.get(path);
          return !pages.has(path) && old?.[0] === size && old[1] === mtime;
        });
        await Promise.all(stale.map(([path]) => rm(join(outDir, path), { force: true })));
        if (stale.length > 0) await removeEmptyFolders(outDir);
      },
    },
  };
  const last: AstroIntegration = {
    name: 'archive:kept-output-record',
    hooks: {
      'astro:build:done': async () => {
        const files = [...(await scan(outDir))].map(
          ([path, [size, mtime]]): RecordedOutput['files'][number] => [path, size, mtime],
        );
        await writeJson(recordPath, { outDir, files } satisfies RecordedOutput);
      },
    },
  };
  return [first, last];
}
