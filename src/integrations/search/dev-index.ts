import type { AstroIntegration } from 'astro';
import { withBase } from '../../lib/site/paths.ts';
import { entryIndexes, type BundleList } from '../../lib/search/bundles.ts';
import { searchDocument, searchUrl } from '../../lib/search/document.ts';
import { buildCache } from '../../build/build-cache.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import type { DevRecords } from '../dev-records.ts';
import { bundleFiles, indexDocuments, languageCounts } from './pagefind-adapter.ts';

type ServerSetup = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0];

const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json' };

// One bundle of every record, in memory, with the list the search page reads.
async function buildIndex(
  cacheDir: string,
  records: readonly DocumentRecord[],
): Promise<Map<string, Uint8Array>> {
  const cache = buildCache(cacheDir);
  const documents = records.map((record) => ({
    url: searchUrl(record.id),
    html: searchDocument(record, cache.body(record)),
  }));
  const files = await indexDocuments(documents, bundleFiles);
  const entry = new TextDecoder().decode(files.get('pagefind-entry.json'));
  const list: BundleList = {
    bundles: [
      {
        path: 'pagefind/',
        languages: languageCounts(entry),
        indexes: entryIndexes(entry),
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
 * search and again after every sync.
 */
export function serveDevSearchIndex(
  { server, logger }: Pick<ServerSetup, 'server' | 'logger'>,
  base: string,
  cacheDir: string,
  records: DevRecords,
): void {
  const prefix = withBase(base, 'pagefind/');
  const index = records.follow((list) =>
    buildIndex(cacheDir, list).catch((error: unknown) => {
      logger.error(`search index: ${String(error)}`);
      return new Map<string, Uint8Array>();
    }),
  );
  server.middlewares.use((request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return next();
    void index().then((map) => {
      const name = path.slice(prefix.length);
      const content = map.get(name);
      if (!content) return next();
      const type = types[name.split('.').pop() ?? ''];
      if (type) response.setHeader('Content-Type', type);
      response.end(content);
    });
  });
}
