import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Size of a built site: bytes and files in all, and the HTML pages' median and largest size. */
export interface DistStats {
  bytes: number;
  files: number;
  pagefindFiles: number;
  htmlPages: number;
  medianPageBytes: number;
  largestPage: { path: string; bytes: number };
}

/** Walks a built site folder and measures it. */
export async function distStats(directory: string): Promise<DistStats> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  let pagefindFiles = 0;
  const pages: { path: string; bytes: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = (await stat(path)).size;
    bytes += size;
    files += 1;
    const relative = path.slice(directory.length + 1);
    if (/^pagefind(?:-[a-z0-9]+)?\//u.test(relative)) pagefindFiles += 1;
    if (entry.name.endsWith('.html')) pages.push({ path: relative, bytes: size });
  }
  pages.sort((a, b) => a.bytes - b.bytes);
  const median = pages[Math.floor(pages.length / 2)]?.bytes ?? 0;
  const largest = pages.at(-1) ?? { path: '', bytes: 0 };
  return { bytes, files, pagefindFiles, htmlPages: pages.length, medianPageBytes: median, largestPage: largest };
}
