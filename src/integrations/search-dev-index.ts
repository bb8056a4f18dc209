import { statSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/paths.ts';
import type { BundleList } from '../lib/search-bundles.ts';
import { searchDocument, searchUrl } from '../lib/search-document.ts';
import { bodiesDir, readBody } from '../loaders/document-bodies.ts';
import { readRecords, recordsPath } from '../loaders/document-records.ts';
import { bundleFiles, indexDocuments, languageCounts } from './search-indexer.ts';

type ServerSetup = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0];

const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json' };

// One bundle of every record, in memory, with the list the search page reads.
async function buildIndex(cacheDir: string): Promise<Map<string, Uint8Array>> {
  const records = await readRecords(cacheDir);
  const bodies = bodiesDir(cacheDir);
  const documents = records.map((record) => ({
    url: searchUrl(record.id),
    html: searchDocument(record, readBody(bodies, record)),
  }));
  const files = await indexDocuments(documents, bundleFiles);
  const list: BundleList = {
    bundles: [
      {
        path: 'pagefind/',
        languages: languageCounts(new TextDecoder().decode(files.get('pagefind-entry.json'))),
        first: records[0]?.date ?? '',
        last: records.at(-1)?.date ?? '',
      },
    ],
  };
  files.set('bundles.json', new TextEncoder().encode(JSON.stringify(list)));
  return files;
}

/**
 * Serves `pagefind/` under `astro dev` from an index of the loader's records, made on the first
 * search and again whenever the loader has written new records (after every sync).
 */
export function serveDevSearchIndex(
  { server, logger }: Pick<ServerSetup, 'server' | 'logger'>,
  base: string,
  cacheDir: string,
): void {
  const prefix = withBase(base, 'pagefind/');
  let synced: number | undefined;
  let files: Promise<Map<string, Uint8Array>> | undefined;
  server.middlewares.use((request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return next();
    const written = statSync(recordsPath(cacheDir), { throwIfNoEntry: false })?.mtimeMs;
    if (!files || written !== synced) {
      synced = written;
      files = buildIndex(cacheDir).catch((error: unknown) => {
        logger.error(`search index: ${String(error)}`);
        synced = undefined;
        return new Map();
      });
    }
    void files.then((map) => {
      const name = path.slice(prefix.length);
      const content = map.get(name);
      if (!content) return next();
      const type = types[name.split('.').pop() ?? ''];
      if (type) response.setHeader('Content-Type', type);
      response.end(content);
    });
  });
}
