import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listBuiltFiles, readTitles, revisionOf } from '../../../src/integrations/built-files.ts';

// A fragment file as Pagefind writes it: gzipped JSON behind a signature.
function fragment(value: unknown): Buffer {
  return gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(value)}`));
}

describe('the survey of a built site', () => {
  it('reads the title of a page with a fragment of its own and of pages Pagefind grouped past maxFragments', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'archive-fragments-'));
    mkdirSync(join(directory, 'pagefind/fragment'), { recursive: true });
    mkdirSync(join(directory, 'pagefind-k2/fragment'), { recursive: true });
    writeFileSync(
      join(directory, 'pagefind/fragment/ru_a.pf_fragment'),
      fragment({ url: '/doc/a/', meta: { title: 'А' } }),
    );
    writeFileSync(
      join(directory, 'pagefind-k2/fragment/ru_group_1.pf_fragment'),
      fragment({
        ru_b: { url: '/doc/b/', meta: { title: 'Б' } },
        ru_c: { url: '/doc/c/', meta: { title: 'В' } },
      }),
    );
    writeFileSync(join(directory, 'index.html'), '<p>главная</p>');
    const files = await listBuiltFiles(directory);
    expect(files.find((file) => file.path === 'index.html')?.revision).toBe(revisionOf('<p>главная</p>'));
    const titles = await readTitles(directory, '/news/', files);
    expect([...titles].sort()).toEqual([
      ['/news/doc/a/', 'А'],
      ['/news/doc/b/', 'Б'],
      ['/news/doc/c/', 'В'],
    ]);
  });
});
