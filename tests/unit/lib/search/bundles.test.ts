import { describe, expect, it } from 'vitest';
import {
  bundleFolder,
  bundleKeyText,
  entryIndexes,
  idHash,
  planBundles,
  sharedWasm,
  spacingFor,
  type BundleRange,
} from '../../../../src/lib/search/bundles.ts';

const ids = (count: number, prefix = 'doc') => Array.from({ length: count }, (_, at) => `${prefix}-${at}`);
const spacing = { tail: 8, closed: 64, bundleSize: 100 };
const members = (plan: BundleRange[], list: readonly string[]) =>
  plan.map(({ start, end }) => list.slice(start, end).join(' '));
// An id that ends no run: where a new document goes into the tail.
const notBoundary = (prefix: string) => ids(50, prefix).find((id) => idHash(id) % spacing.tail !== 0) ?? '';

describe('planning search bundles over the date-ordered documents', () => {
  it('covers every document once, in order, with bundles of at most `bundleSize` and the tail last', () => {
    const list = ids(2000);
    const plan = planBundles(list, spacing);
    expect(plan[0]?.start).toBe(0);
    expect(plan.at(-1)).toMatchObject({ end: 2000, tail: true });
    expect(plan.every((range, at) => range.start === (plan[at - 1]?.end ?? 0))).toBe(true);
    expect(plan.every((range) => range.end - range.start <= spacing.bundleSize)).toBe(true);
    expect(plan.filter((range) => range.tail)).toHaveLength(1);
    expect(plan.length).toBeGreaterThan(20);
  });

  it('ends level-1 runs where an id hashes to a multiple of the tail size, and the tail after the last', () => {
    const list = ids(500);
    const plan = planBundles(list, spacing);
    const lastBoundary = list.findLastIndex((id) => idHash(id) % spacing.tail === 0) + 1;
    expect(plan.at(-1)?.start).toBe(lastBoundary);
    for (const range of plan.slice(0, -1)) expect(idHash(list[range.end - 1] ?? '') % spacing.tail).toBe(0);
  });

  it('puts a new newest document in the tail and leaves every closed bundle as it was', () => {
    const list = ids(2000);
    const before = members(planBundles(list, spacing), list);
    const grown = [...list, notBoundary('new')];
    const after = members(planBundles(grown, spacing), grown);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toBe(`${before.at(-1)} ${grown.at(-1)}`);
  });

  it('changes only bundles of its own level-2 run when a document is inserted or removed in the middle', () => {
    const list = ids(3000);
    const plan = planBundles(list, spacing);
    const at = 1500;
    const changed = (other: readonly string[]) => {
      const next = new Set(members(planBundles(other, spacing), other));
      return members(plan, list).filter((bundle) => !next.has(bundle)).length;
    };
    // The level-2 run holding document `at`: from the level-2 boundary before it to the one after.
    const level2 = list.flatMap((id, index) => (idHash(id) % spacing.closed === 0 ? [index + 1] : []));
    const runStart = level2.findLast((end) => end <= at) ?? 0;
    const runEnd = level2.find((end) => end > at) ?? list.length;
    const inRun = plan.filter((range) => range.start >= runStart && range.end <= runEnd).length;
    expect(inRun).toBeGreaterThan(1);
    expect(changed([...list.slice(0, at), notBoundary('backdated'), ...list.slice(at)])).toBeLessThanOrEqual(
      inRun,
    );
    expect(changed(list.filter((_, index) => index !== at))).toBeLessThanOrEqual(inRun);
    expect(changed(list)).toBe(0);
  });

  it('keeps one bundle, the tail, for an archive shorter than a level-1 run, and for no documents', () => {
    expect(planBundles([], spacing)).toEqual([{ start: 0, end: 0, tail: true }]);
    expect(planBundles([notBoundary('few')], spacing)).toEqual([{ start: 0, end: 1, tail: true }]);
  });

  it('cuts a run with no boundary inside into even bundles of at most `bundleSize`', () => {
    const plan = planBundles(ids(10), { tail: 2 ** 32, closed: 2 ** 32, bundleSize: 4 });
    expect(plan.map(({ start, end }) => end - start)).toEqual([3, 4, 3]);
    expect(plan.map(({ tail }) => tail)).toEqual([false, false, true]);
  });
});

describe('the spacing of bundles', () => {
  it('follows the largest bundle: a tail of 1/32, at least two, and level-2 runs of 64 tails', () => {
    expect(spacingFor(10_000)).toEqual({ tail: 313, closed: 20_032, bundleSize: 10_000 });
    expect(spacingFor(4)).toEqual({ tail: 2, closed: 128, bundleSize: 4 });
    expect(() => spacingFor(0)).toThrow(/positive integer/u);
  });

  it('hashes ids the same on every machine', () => {
    expect([idHash(''), idHash('2023--000000'), idHash('novosti--itogi-dnya')]).toMatchInlineSnapshot(`
      [
        2872998923,
        4254125877,
        4161719135,
      ]
    `);
  });
});

describe('naming bundles by content', () => {
  const member = {
    id: 'a',
    digest: 'd1',
    headline: 'З',
    date: '2024-01-02',
    places: [],
    authors: [],
    lang: 'ru',
  };

  it('keys a bundle by the indexer and each member in order, so any change of either makes another key', () => {
    const text = bundleKeyText({ indexer: 'pagefind 1.6.0', members: [member] });
    expect(text).toBe('["pagefind 1.6.0",[["a","d1","З","2024-01-02",[],[],"ru"]]]');
    expect(bundleKeyText({ indexer: 'pagefind 1.6.1', members: [member] })).not.toBe(text);
    expect(bundleKeyText({ indexer: 'pagefind 1.6.0', members: [{ ...member, digest: 'd2' }] })).not.toBe(
      text,
    );
  });

  it('writes the tail to the entry bundle and every other bundle to a folder named by its key', () => {
    expect(bundleFolder('0a1b2c3d4e5f6a7b', false)).toBe('pagefind-0a1b2c3d4e5f6a7b/');
    expect(bundleFolder('0a1b2c3d4e5f6a7b', true)).toBe('pagefind/');
  });
});

describe("sharing a language's WebAssembly across bundles", () => {
  it("names the entry bundle's file from any bundle folder, under any base path", () => {
    for (const folder of ['/pagefind-0a1b2c3d4e5f6a7b/', '/news/pagefind-0a1b2c3d4e5f6a7b/', '/pagefind/']) {
      // Pagefind fetches `<bundle>wasm.<value>.pagefind`.
      const url = new URL(`wasm.${sharedWasm('ru')}.pagefind`, `https://example.org${folder}`);
      expect(url.pathname).toBe(`${folder.replace(/pagefind[^/]*\/$/u, '')}pagefind/wasm.ru.pagefind`);
    }
  });
});

describe("listing a bundle's index files for the search page", () => {
  it("names each language's metadata and WebAssembly as the entry file does, and nothing else of it", () => {
    const entry = JSON.stringify({
      version: '1.6.0',
      languages: {
        ru: { hash: 'ru_1f193b60fa', wasm: sharedWasm('ru'), page_count: 18954 },
        en: { hash: 'en_0a1b2c3d4e', wasm: sharedWasm('en'), page_count: 12 },
      },
      include_characters: ['_'],
      fragment_packs: { pages: 64, languages: { ru: ['ru_473e774a1e'] } },
    });
    expect(entryIndexes(entry)).toEqual({
      ru: { hash: 'ru_1f193b60fa', wasm: '_/../../pagefind/wasm.ru' },
      en: { hash: 'en_0a1b2c3d4e', wasm: '_/../../pagefind/wasm.en' },
    });
  });
});
