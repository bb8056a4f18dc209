import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What makes a module glue rather than core: the file system, processes, threads, the network,
// Astro's virtual modules and the environment.
const impure =
  /from ['"](?:node:)?(?:fs|fs\/promises|child_process|worker_threads|net|http|https|os)['"]|from ['"](?:astro:|virtual:)|import\.meta\.env|process\.(?:env|argv|cwd)/u;

const modules = readdirSync('src/lib', { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => join(entry.parentPath, entry.name));

describe('the pure core', () => {
  it('is grouped in feature folders with no module left at its top', () => {
    expect(modules.filter((path) => !path.slice('src/lib/'.length).includes('/'))).toEqual([]);
  });

  it('reads no file, environment, process or Astro module: glue hands it what it needs', () => {
    expect(modules.filter((path) => impure.test(readFileSync(path, 'utf8')))).toEqual([]);
  });
});
