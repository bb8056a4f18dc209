import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_NAMES, OUTPUT_NAMES } from '../../../src/build/build-cache.ts';

const CACHE_MODULE = 'src/build/build-cache.ts';

// Every module of `src/`, by its path from the project's root.
const sources = (): string[] =>
  readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

// A name as a cache path spells it: not part of a module's name (`lib/search/bundles.ts`).
const spelled = (name: string): RegExp =>
  new RegExp(`(?<![\\w-])${name.replaceAll('.', '\\.')}(?!\\.ts)(?![\\w-])`, 'u');

describe('the build cache layout', () => {
  it('is spelled by the cache module alone: no other module of src/ names a cache file', () => {
    const names = [
      ...Object.values(CACHE_NAMES),
      ...Object.values(OUTPUT_NAMES).map((name) => name.slice(1)),
    ];
    const found = sources()
      .filter((path) => path !== CACHE_MODULE)
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        return names.filter((name) => spelled(name).test(text)).map((name) => `${path}: ${name}`);
      });
    expect(found).toEqual([]);
  });

  it('gives every file and folder of the cache a name of its own', () => {
    const names = Object.values(CACHE_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });
});
