import { describe, expect, it } from 'vitest';
import {
  estimate,
  formatMegabytes,
  saveAll,
  shortage,
  shortageText,
  storedBytes,
  type SaveItem,
  type SaveProgress,
} from '../../../../src/lib/offline/save-archive.ts';

const items: SaveItem[] = Array.from({ length: 10 }, (_, index) => ({ url: `/doc/${index}/`, bytes: 100 }));

describe('saving the archive', () => {
  it('estimates what is left before a save starts', () => {
    expect(estimate(items)).toEqual({ count: 10, bytes: 1000 });
    expect(estimate([])).toEqual({ count: 0, bytes: 0 });
  });

  it('fetches every item once and reports progress in pages and bytes', async () => {
    const fetched: string[] = [];
    const reports: SaveProgress[] = [];
    const result = await saveAll(items, {
      fetchItem: async (item) => {
        fetched.push(item.url);
        return true;
      },
      isOnline: () => true,
      waitOnline: async () => undefined,
      onProgress: (progress) => reports.push(progress),
    });
    expect(fetched.toSorted()).toEqual(items.map((item) => item.url).toSorted());
    expect(result).toMatchObject({ done: 10, total: 10, bytesDone: 1000, bytesTotal: 1000, failed: 0 });
    expect(reports.map((report) => report.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('pauses when the network goes and retries the interrupted item when it is back', async () => {
    let online = true;
    let failures = 0;
    const attempts = new Map<string, number>();
    const paused: boolean[] = [];
    const result = await saveAll(
      items,
      {
        fetchItem: async (item) => {
          attempts.set(item.url, (attempts.get(item.url) ?? 0) + 1);
          if (item.url === '/doc/3/' && failures === 0) {
            failures += 1;
            online = false;
            throw new TypeError('Failed to fetch');
          }
          return true;
        },
        isOnline: () => online,
        waitOnline: async () => {
          online = true;
        },
        onProgress: (progress) => paused.push(progress.paused),
      },
      1,
    );
    expect(result).toMatchObject({ done: 10, failed: 0, paused: false });
    expect(attempts.get('/doc/3/')).toBe(2);
    expect(paused).toContain(true);
  });

  it('counts HTTP errors and repeated network errors while online as failures and goes on', async () => {
    let attempts = 0;
    const result = await saveAll(items, {
      fetchItem: async (item) => {
        if (item.url === '/doc/1/') return false;
        if (item.url === '/doc/2/') {
          attempts += 1;
          throw new TypeError('Failed to fetch');
        }
        return true;
      },
      isOnline: () => true,
      waitOnline: async () => undefined,
      onProgress: () => undefined,
    });
    expect(result).toMatchObject({ done: 8, failed: 2 });
    expect(attempts).toBe(3);
  });

  it('retries an item whose request failed while the network came back', async () => {
    let failures = 0;
    const result = await saveAll(items, {
      fetchItem: async (item) => {
        if (item.url === '/doc/5/' && failures === 0) {
          failures += 1;
          throw new TypeError('Failed to fetch');
        }
        return true;
      },
      isOnline: () => true,
      waitOnline: async () => undefined,
      onProgress: () => undefined,
    });
    expect(result).toMatchObject({ done: 10, failed: 0 });
  });

  it('stops between items when aborted', async () => {
    const controller = new AbortController();
    const result = await saveAll(
      items,
      {
        fetchItem: async (item) => {
          if (item.url === '/doc/4/') controller.abort();
          return true;
        },
        isOnline: () => true,
        waitOnline: async () => undefined,
        onProgress: () => undefined,
        signal: controller.signal,
      },
      1,
    );
    expect(result.done).toBe(5);
  });

  it('tells how much room a save needs and how much is free when it does not fit', () => {
    const needed = storedBytes([{ url: '/a/', bytes: 1_000, size: 4_000_000 }, ...items]);
    expect(needed).toBe(4_001_000);
    expect(shortage(needed, { quota: 10_000_000, usage: 1_000_000 })).toBeNull();
    expect(shortage(needed, {})).toBeNull();
    const short = shortage(needed, { quota: 3_000_000, usage: 1_500_000 });
    expect(short).toEqual({ needed: 4_001_000, free: 1_500_000 });
    expect(shortage(1, { quota: 10, usage: 20 })).toEqual({ needed: 1, free: 0 });
    expect(shortageText(short ?? { needed: 0, free: 0 })).toBe(
      'Не хватает места: сохранённый архив займёт около 4,0 МБ, а свободно 1,5 МБ. Освободите память устройства и попробуйте снова.',
    );
  });

  it('formats sizes as Russian megabytes', () => {
    expect(formatMegabytes(1_450_000)).toBe('1,5 МБ');
    expect(formatMegabytes(0)).toBe('0,0 МБ');
    expect(formatMegabytes(25_000_000)).toBe('25 МБ');
  });
});
