import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The project's own modules that `entries` run, as paths from `root`, sorted: every file esbuild
 * would bundle from them, packages left out (the lock file stands for those).
 */
export async function sourceFiles(entries: readonly string[], root = process.cwd()): Promise<string[]> {
  const result = await build({
    entryPoints: entries.map((entry) => resolve(root, entry)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    // Nothing is written; esbuild asks for a folder when it has several entries.
    outdir: 'out',
    metafile: true,
    packages: 'external',
    external: ['astro:*'],
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).sort();
}

/**
 * A digest of the code that makes what a cache keeps: the contents of every project module that
 * `entries` (paths from `root`) run, the lock file (so every installed package's version) and
 * Node's version (its ICU decides case folding and dates). Any edit under `src/` that those
 * modules reach, and any dependency change, gives a new digest; settings are not in it, as they
 * reach a step as values its caller puts into the key. Computed once per build step, not per document.
 */
export async function codeDigest(entries: readonly string[], root = process.cwd()): Promise<string> {
  const files = await sourceFiles(entries, root);
  const contents = await Promise.all(files.map((file) => readFile(resolve(root, file))));
  // Without a lock file the versions are unknown, and the digest says so.
  const lockfile = await readFile(resolve(root, 'package-lock.json')).catch(() =>
    Buffer.from('no lock file'),
  );
  const hash = createHash('sha256').update(`node ${process.version}\n`).update(lockfile);
  for (const [index, file] of files.entries()) hash.update(`\0${file}\0`).update(contents[index] ?? '');
  return hash.digest('hex').slice(0, 20);
}
