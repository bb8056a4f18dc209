import { describe, expect, it } from 'vitest';
import { buildChunks } from '../../../src/integrations/vocabulary-chunks.ts';
import { chunksInWorker } from '../../../src/integrations/vocabulary-thread.ts';

describe('counting the vocabulary in a worker thread', () => {
  it('gives the same chunks as counting on the main thread', async () => {
    const result = await chunksInWorker('tests/fixtures/search-seeds');
    if ('error' in result) throw result.error;
    const expected = await buildChunks('tests/fixtures/search-seeds');
    expect(result.chunks.size).toBeGreaterThan(10);
    expect(result.chunks).toEqual(expected);
  });

  it('gives no chunks for a folder without seeds, as the main thread does', async () => {
    const result = await chunksInWorker('tests/fixtures/no-such-folder');
    expect(result).toMatchObject({ chunks: new Map() });
  });
});
