import { describe, expect, it } from 'vitest';
import { ingestCases } from '../../fixtures/ingest-cases.ts';
import { scanSeedsFolder } from '../../../src/loaders/seed-files.ts';

describe('scanSeedsFolder', () => {
  it('reads *.txt files recursively and skips other files and hidden entries', async () => {
    const { files, ignored } = await scanSeedsFolder('tests/fixtures/ingest');
    const expected = ingestCases.filter((c) => !('ignored' in c.outcome)).map((c) => c.path);
    expect(files).toEqual([...expected].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ignored).toEqual(['.DS_Store', '.hidden/', 'README.md', 'notes.md', 'photo.png']);
  });

  it('finds nothing in a folder that does not exist', async () => {
    await expect(scanSeedsFolder('tests/fixtures/no-such-folder')).resolves.toEqual({
      files: [],
      ignored: [],
    });
  });
});
