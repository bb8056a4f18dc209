import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// Static hosts limit the files of a deploy (Cloudflare Pages: 20,000): the site may write at most
// 1.2 files per document plus a constant, at 400 documents as at 100,000.
const DOCUMENTS = 400;
const PER_DOCUMENT = 1.2;
const CONSTANT = 300;
const root = resolve('tests/.output/file-budget');
let site: FixtureSite;

beforeAll(() => {
  generateSeeds(join(root, 'seeds'), DOCUMENTS);
  site = buildFixtureSite('file-budget', join(root, 'seeds'));
  if (site.status !== 0) throw new Error(`file budget fixture build failed:\n${site.output}`);
  // Hundreds of documents build slower than the small fixtures on a shared, busy machine.
}, 600_000);

describe('the files of a built archive', () => {
  it('stay within 1.2 files per document plus a constant', () => {
    const files = readdirSync(site.outDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    const byFolder = new Map<string, number>();
    for (const entry of files) {
      const top = entry.parentPath.slice(site.outDir.length + 1).split('/')[0] || '.';
      byFolder.set(top, (byFolder.get(top) ?? 0) + 1);
    }
    // The counts by top folder say where the budget went when it fails.
    expect({ files: files.length, byFolder: Object.fromEntries(byFolder) }).toEqual({
      files: expect.toSatisfy(
        (count: number) => count <= PER_DOCUMENT * DOCUMENTS + CONSTANT,
      ) as unknown as number,
      byFolder: expect.any(Object) as unknown as Record<string, number>,
    });
  });

  it('keep search fragments in packs, a file per 64 documents, not one per document', () => {
    const fragments = readdirSync(join(site.outDir, 'pagefind', 'fragment'));
    expect(fragments.every((name) => name.endsWith('.pf_pack'))).toBe(true);
    expect(fragments.length).toBeLessThanOrEqual(Math.ceil(DOCUMENTS / 64));
  });
});
