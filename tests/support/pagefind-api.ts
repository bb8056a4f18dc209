import type { Page } from 'playwright-core';

/** What Pagefind's browser API gives for one result (the parts the tests read). */
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Page-side source of a function reading one result's fragment from a bundle's packs
 * (`src/lib/search/fragment-packs.ts`) as Pagefind's own `data()` would give it: `(bundle, packs, lang,
 * result)`, where `packs` is the bundle's entry in `bundles.json` and `lang` the index searched.
 */
export const PACKED_FRAGMENT = `async (bundle, packs, lang, result) => {
  const page = parseInt(result.id, 36);
  const name = packs.languages[lang][Math.floor(page / packs.pages)];
  const bytes = new Uint8Array(await (await fetch(bundle + 'fragment/' + name + '.pf_pack')).arrayBuffer());
  const view = new DataView(bytes.buffer);
  const slot = page % packs.pages;
  const fragment = bytes.subarray(view.getUint32(4 * slot), view.getUint32(4 * slot + 4));
  const stream = new Blob([fragment]).stream().pipeThrough(new DecompressionStream('gzip'));
  const text = (await new Response(stream).text()).replace(/^pagefind_dcd/, '');
  return { ...JSON.parse(text), locations: result.words };
}`;

/**
 * Searches with Pagefind's own browser API, as a page of the site loads it from `bundle`, and
 * returns the data of the first results of each query. A built site keeps its fragments in packs
 * (`src/lib/search/fragment-packs.ts`), read here whole; the dev server's index has Pagefind's own. The
 * script is a string, so no bundler rewrites its `import`.
 */
export async function pagefindSearch(
  page: Page,
  queries: readonly string[],
  bundle = '/pagefind/',
  limit = 1,
): Promise<PagefindData[][]> {
  return page.evaluate(`(async () => {
    const bundle = ${JSON.stringify(bundle)};
    const pagefind = await import(bundle + 'pagefind.js');
    const listed = await fetch(bundle + 'bundles.json').then((response) => (response.ok ? response.json() : { bundles: [] }));
    const packs = listed.bundles.find((entry) => '/' + entry.path === bundle)?.packs;
    const packed = (result) => (${PACKED_FRAGMENT})(bundle, packs, document.documentElement.lang, result);
    const answers = [];
    for (const query of ${JSON.stringify(queries)}) {
      const { results } = await pagefind.search(query);
      answers.push(await Promise.all(results.slice(0, ${limit}).map((result) => (packs ? packed(result) : result.data()))));
    }
    return answers;
  })()`);
}
