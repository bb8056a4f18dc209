import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('stops with a message naming a folder that does not exist, or is a file', async () => {
    await expect(scanSeedsFolder('tests/fixtures/no-such-folder')).rejects.toThrow(
      /^seeds folder "tests\/fixtures\/no-such-folder" \(\/.*\/tests\/fixtures\/no-such-folder\) does not exist: set SEEDS_DIR/u,
    );
    await expect(scanSeedsFolder('tests/fixtures/ingest/empty.txt')).rejects.toThrow(/is not a folder/u);
  });

  it('finds nothing, and no error, in a folder that exists but is empty', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'seeds-'));
    await expect(scanSeedsFolder(empty)).resolves.toEqual({ files: [], ignored: [] });
  });
});
