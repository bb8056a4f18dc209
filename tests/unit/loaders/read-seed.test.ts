import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/loaders/read-seed.ts';

describe('readSeed', () => {
  it('reads a file within the limit', async () => {
    const read = await readSeed('tests/fixtures/ingest', 'encoding-ascii.txt', 1000);
    expect('bytes' in read && read.bytes.toString('latin1')).toMatch(/^date 2024-02-05/u);
  });

  it('turns a file over the limit into a problem without reading it', async () => {
    const read = await readSeed('tests/fixtures/ingest', 'encoding-ascii.txt', 10);
    expect(read).toEqual({
      problem: {
        file: 'encoding-ascii.txt',
        line: 1,
        reason: 'file is 56 bytes, larger than the 10 bytes limit (MAX_SEED_SIZE)',
        severity: 'error',
      },
    });
  });

  it('turns a file that cannot be read into a problem with the system error code', async () => {
    const read = await readSeed('tests/fixtures/ingest', 'vanished-during-build.txt', 1000);
    expect(read).toEqual({
      problem: {
        file: 'vanished-during-build.txt',
        line: 1,
        reason: 'cannot read the file (ENOENT)',
        severity: 'error',
      },
    });
  });
});
