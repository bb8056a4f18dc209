// Measures search on a built site: `npx node tests/support/measure-search-cli.ts <dist> <query>…`;
// MEASURE_PATH, MEASURE_BOX and MEASURE_RESULT point it at another search page.
import { launchBrowser } from './browser.ts';
import { measureSearch } from './measure-search.ts';
import { serveStatic } from './static-server.ts';

const [directory = 'dist', ...queries] = process.argv.slice(2);
const server = await serveStatic(directory);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const selectors = {
    ...(process.env['MEASURE_PATH'] ? { path: process.env['MEASURE_PATH'] } : {}),
    ...(process.env['MEASURE_BOX'] ? { box: process.env['MEASURE_BOX'] } : {}),
    ...(process.env['MEASURE_RESULT'] ? { result: process.env['MEASURE_RESULT'] } : {}),
  };
  const chosen = queries.length > 0 ? queries : ['переговоры', 'Кремле'];
  const figures = await measureSearch(page, server.url, chosen, selectors);
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await browser.close();
  await server.close();
}
