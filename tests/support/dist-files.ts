import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file of a built site: its path inside the folder (with `/`) and its bytes. */
export function distFiles(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(directory, path).split(sep).join('/'), readFileSync(path));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

// The build's identity, random per build until it is derived from the content: every page names
// it, and the search page hands it to Pagefind as a cache tag.
const BUILD_ID = [/(<meta name="archive-build" content=")[^"]*/gu, /(data-meta-cache-tag=")[^"]*/gu];

/** A page's HTML with the build's identity blanked out. */
export function withoutBuildId(html: string): string {
  return BUILD_ID.reduce((text, pattern) => text.replace(pattern, '$1'), html);
}

/** Paths whose bytes differ between two builds (or exist in one only), HTML compared without the build id. */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].sort().filter((path) => {
    const [a, b] = [before.get(path), after.get(path)];
    if (!a || !b) return true;
    if (a.equals(b)) return false;
    return (
      !path.endsWith('.html') || withoutBuildId(a.toString('utf8')) !== withoutBuildId(b.toString('utf8'))
    );
  });
}

/** The URL path a built file is served at (`doc/a/index.html` → `/doc/a/`). */
export function servedPath(file: string): string {
  return `/${file.replace(/(?:^|\/)index\.html$/u, (match) => (match.startsWith('/') ? '/' : ''))}`;
}
