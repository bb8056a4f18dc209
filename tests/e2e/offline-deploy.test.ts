import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

function files(directory: string): Map<string, Buffer> {
  const paths = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1));
  return new Map(paths.sort().map((path) => [path, readFileSync(join(directory, path))]));
}

describe('the identity of a build', () => {
  it('comes from its content: no page carries it, and a clean build of the same documents has the same one', () => {
    const first = inject('siteDir');
    rmSync(resolve('tests/.output/offline-identity'), { recursive: true, force: true });
    const again = buildFixtureSite('offline-identity', 'tests/fixtures/seeds', { PAGE_SIZE: '3' });
    if (again.status !== 0) throw new Error(again.output);
    const { build } = JSON.parse(readFileSync(join(first, 'offline/build.json'), 'utf8')) as {
      build: string;
    };
    const built = files(first);
    const rebuilt = files(again.outDir);
    const pages = [...built].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter(([, content]) => content.includes(build)).map(([path]) => path)).toEqual([]);
    expect([...rebuilt.keys()]).toEqual([...built.keys()]);
    const differing = [...built].filter(([path, content]) => !rebuilt.get(path)?.equals(content));
    expect(differing.map(([path]) => path)).toEqual([]);
  });
});
