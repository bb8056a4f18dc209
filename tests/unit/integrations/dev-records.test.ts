import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { devRecords, type DevRecords } from '../../../src/integrations/dev-records.ts';
import { buildCache } from '../../../src/build/build-cache.ts';
import type { DocumentRecord } from '../../../src/schemas/document.ts';

const record = (id: string): DocumentRecord => ({
  id,
  digest: `${id}-1`,
  title: id,
  headline: id,
  date: '2025-01-01',
  places: [],
  authors: [],
  lang: 'ru',
});

let following: DevRecords | undefined;
afterEach(() => following?.close());

describe('the records under the dev server', () => {
  it('are made into an index once per sync, and again when the loader writes new records', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dev-records-'));
    const cache = buildCache(cacheDir);
    await cache.records.write([record('a')]);
    following = devRecords(cacheDir);
    const make = vi.fn(async (records: DocumentRecord[]) => records.map((entry) => entry.id));
    const ids = following.follow(make);
    expect(await ids()).toEqual(['a']);
    expect(await ids()).toEqual(['a']);
    expect(make).toHaveBeenCalledTimes(1);
    await cache.records.write([record('a'), record('b')]);
    await vi.waitFor(async () => expect(await ids()).toEqual(['a', 'b']));
    // Made again for the new records, and then no more while they stay the same.
    const made = make.mock.calls.length;
    expect(made).toBeGreaterThan(1);
    await ids();
    expect(make).toHaveBeenCalledTimes(made);
  });
});
