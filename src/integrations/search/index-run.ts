// Indexes one run of a search bundle with Pagefind, as Pagefind writes it (`bundles-thread.ts`
// merges the runs into bundles). A run is keyed on this module's code and what it runs, not on
// the merge's: a change to how bundles are merged does not index every document again.
import { rename, rm } from 'node:fs/promises';
import { searchDocument, searchUrl } from '../../lib/search/document.ts';
import type { BuildCache } from '../../build/build-cache.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import { indexDocuments, writeBundle } from './pagefind-adapter.ts';

/** This module, by its path from the project's root: it and every module it runs write a run. */
export const RUN_CODE = 'src/integrations/search/index-run.ts';

/** Indexes `members` with Pagefind into `folder`, through a folder of its own so a failure leaves none. */
export async function indexRun(
  members: readonly DocumentRecord[],
  cache: Pick<BuildCache, 'body'>,
  folder: string,
): Promise<void> {
  const documents = function* () {
    for (const record of members) {
      yield { url: searchUrl(record.id), html: searchDocument(record, cache.body(record)) };
    }
  };
  const building = `${folder}.part`;
  await rm(building, { recursive: true, force: true });
  await indexDocuments(documents(), (pagefindIndex) => writeBundle(pagefindIndex, building));
  await rename(building, folder);
}
