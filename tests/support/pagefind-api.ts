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
 * Searches with Pagefind's own browser API, as a page of the site loads it from `bundle`, and
 * returns the data of the first results of each query. The script is a string, so no bundler
 * rewrites its `import`.
 */
export async function pagefindSearch(
  page: Page,
  queries: readonly string[],
  bundle = '/pagefind/',
  limit = 1,
): Promise<PagefindData[][]> {
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${bundle}pagefind.js`)});
    const answers = [];
    for (const query of ${JSON.stringify(queries)}) {
      const { results } = await pagefind.search(query);
      answers.push(await Promise.all(results.slice(0, ${limit}).map((result) => result.data())));
    }
    return answers;
  })()`);
}
