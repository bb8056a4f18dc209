// Measures search on a built site as the benchmark does:
// `npx node tests/support/measure-search-cli.ts <dist> [first query] [second query]`; with
// PEER=1 the site is one with Pagefind's Default UI on /search/ (scripts/bench/hugo-site.ts).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { measureSearch, OUR_SEARCH, PAGEFIND_DEFAULT_UI } from '../../scripts/bench/measure-search.ts';
import { serveStatic } from './static-server.ts';

const [directory = 'dist', first = 'переговоры', second = 'кремль'] = process.argv.slice(2);
const peer = process.env['PEER'] === '1';
const server = await serveStatic(directory);
try {
  const documents = peer ? [] : await readdir(join(directory, 'doc'));
  const inPlace = documents[0] && `/doc/${documents[0]}/`;
  const figures = await measureSearch(
    server.url,
    peer ? PAGEFIND_DEFAULT_UI : OUR_SEARCH,
    [first, second],
    inPlace,
  );
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await server.close();
}
