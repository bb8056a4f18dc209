import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OUTPUT_NAMES } from '../../build/build-cache.ts';
import { rethrowFault } from '../../build/build-stop.ts';
import { readJson, writeJson } from '../../build/json-file.ts';

/**
 * The list of what builds wrote into the output folder, kept in the folder itself, so that any
 * build (with a new cache, into a fresh checkout of the deployed branch) knows what it may delete;
 * whatever else is there (a `.git` folder or file, `CNAME`, `.nojekyll`, a host's own files) no
 * build wrote, and none deletes it.
 */
export const MANIFEST = OUTPUT_NAMES.manifest;

/** The lock a build holds on its output folder (see `build-lock.ts`). */
export const OUTPUT_LOCK = OUTPUT_NAMES.lock;

// The build's own bookkeeping: never listed, never surveyed, never deleted as stale.
const BOOKKEEPING = new Set<string>([MANIFEST, OUTPUT_LOCK]);

/**
 * Between builds, the files the builds wrote; while a build runs (or after one was killed), the
 * files it found that no build wrote, written before it writes anything: every other file is then
 * the builds'.
 */
export type OutputManifest = { state: 'built'; files: string[] } | { state: 'building'; foreign: string[] };

/** Each file of an output folder (relative `/` path) with its size and modification time. */
export type OutputState = Map<string, [size: number, mtime: number]>;

const isManifest = (value: unknown): value is OutputManifest => {
  const manifest = value as Partial<Record<'state' | 'files' | 'foreign', unknown>> | null;
  if (manifest?.state === 'built') return Array.isArray(manifest.files);
  return manifest?.state === 'building' && Array.isArray(manifest.foreign);
};

/** The output folder's manifest; undefined when there is none (or it is damaged). */
export async function readManifest(outDir: string): Promise<OutputManifest | undefined> {
  const value = await readJson<unknown>(join(outDir, MANIFEST), undefined);
  return isManifest(value) ? value : undefined;
}

/** Replaces the output folder's manifest in one step. */
export async function writeManifest(outDir: string, manifest: OutputManifest): Promise<void> {
  await writeJson(join(outDir, MANIFEST), manifest);
}

/**
 * Every file of the output folder but the build's bookkeeping, with its size and modification time.
 * Listed and stated synchronously: one awaited `stat` after another took 2.5 s for the 12,260 files
 * of a 10,000-document site, while the build waited for nothing else (docs/benchmarks.md).
 */
export function scanOutput(outDir: string): OutputState {
  const state: OutputState = new Map();
  let entries: Dirent[];
  try {
    entries = readdirSync(outDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    return rethrowFault(error, 'read', outDir);
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(outDir, path).split(sep).join('/');
    if (BOOKKEEPING.has(name)) continue;
    state.set(name, sizeAndTime(path));
  }
  return state;
}

function sizeAndTime(path: string): [size: number, mtime: number] {
  try {
    const { size, mtimeMs } = statSync(path);
    return [size, mtimeMs];
  } catch (error) {
    return rethrowFault(error, 'read', path);
  }
}

/** The files of `present` that no build wrote, as the manifest tells (all of them without one). */
export function foreignFiles(manifest: OutputManifest | undefined, present: Iterable<string>): Set<string> {
  const paths = [...present];
  if (manifest?.state === 'built') {
    const built = new Set(manifest.files);
    return new Set(paths.filter((path) => !built.has(path)));
  }
  if (manifest?.state === 'building') {
    const foreign = new Set(manifest.foreign);
    return new Set(paths.filter((path) => foreign.has(path)));
  }
  return new Set(paths);
}

/** Adds files a step wrote (output-relative paths) to a listing of the output folder, with their size and time. */
export function noteWritten(state: OutputState, outDir: string, paths: readonly string[]): void {
  for (const name of paths) state.set(name, sizeAndTime(join(outDir, name)));
}
