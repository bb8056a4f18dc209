import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, distFiles } from '../support/dist-files.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';
import { copyProject, editProjectFile } from '../support/project-copy.ts';

// A publisher edits the project's code and builds again on the same cache: what comes out must be
// what a clean build of the edited code gives, with nothing kept from the code before the edit.
const seeds = resolve('tests/.output/code-edit-seeds');
// Small bundles, so the archive has a closed search bundle (named by what it holds) beside the tail.
const env = { PAGE_SIZE: '5', SEARCH_SHARD_SIZE: '64' };
let project = '';

type Files = Map<string, Buffer>;
let reindexed: string[] = [];
let builds: Record<'before' | 'commented' | 'shaped' | 'shapedClean' | 'indexed' | 'indexedClean', Files>;

function build(name: string, cache: 'clear' | 'keep'): Files {
  const site = buildFixtureSite(name, seeds, env, [], { cache, project });
  if (site.status !== 0) throw new Error(`build ${name} failed:\n${site.output}`);
  return distFiles(site.outDir);
}

beforeAll(() => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 100);
  project = copyProject('code-edit-');
  const before = build('code-edit-kept', 'clear');
  // An edit that changes no output in a module the search index is made with: every bundle is
  // indexed again (its code changed) and must come out as before.
  editProjectFile(project, 'src/lib/search/document.ts', '\nexport ', '\n// Read by the indexer.\nexport ');
  const commented = build('code-edit-kept', 'keep');
  const report = resolve('tests/.output/code-edit-kept/search-index.json');
  reindexed = (JSON.parse(readFileSync(report, 'utf8')) as { indexed: string[] }).indexed;
  // The code that shapes every record: descriptions become half as long.
  editProjectFile(
    project,
    'src/loaders/derive-document.ts',
    'excerpt(seed.paragraphs[0] ?? seed.title, 200)',
    'excerpt(seed.paragraphs[0] ?? seed.title, 100)',
  );
  const shaped = build('code-edit-kept', 'keep');
  const shapedClean = build('code-edit-clean', 'clear');
  // Code that only the search bundles, the vocabulary and the related lists run: dates in search
  // results, vocabulary files spread over lines, and no document related (no cosine reaches 2).
  editProjectFile(
    project,
    'src/lib/search/document.ts',
    "field('data-pagefind-meta', 'date', fields.date)",
    "field('data-pagefind-meta', 'date', fields.date.replaceAll('-', '.'))",
  );
  editProjectFile(
    project,
    'src/integrations/search/vocabulary-chunks.ts',
    'JSON.stringify(entries)',
    'JSON.stringify(entries, null, 1)',
  );
  editProjectFile(project, 'src/lib/document/related.ts', 'minScore = 0.1 }', 'minScore = 2 }');
  const indexed = build('code-edit-kept', 'keep');
  const indexedClean = build('code-edit-clean', 'clear');
  builds = { before, commented, shaped, shapedClean, indexed, indexedClean };
}, 900_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('building on the cache after an edit to the code', () => {
  it('publishes the same search bundles when edited code indexes the documents the same way', () => {
    expect(reindexed.filter((folder) => /^pagefind-[0-9a-f]{16}\/$/u.test(folder))).not.toEqual([]);
    expect(changedFiles(builds.before, builds.commented)).toEqual([]);
  });

  it('gives the bytes of a clean build when the code that shapes documents changed', () => {
    const descriptions = /^doc\/[^/]+\/index\.html$/u;
    expect(
      changedFiles(builds.before, builds.shapedClean).filter((path) => descriptions.test(path)),
    ).not.toEqual([]);
    expect(changedFiles(builds.shapedClean, builds.shaped)).toEqual([]);
  });

  it('gives the bytes of a clean build when the code of search, vocabulary and related lists changed', () => {
    const edited = changedFiles(builds.shapedClean, builds.indexedClean);
    for (const part of [/^pagefind\//u, /^search-words\//u, /^doc\//u]) {
      expect(
        edited.filter((path) => part.test(path)),
        String(part),
      ).not.toEqual([]);
    }
    expect(changedFiles(builds.indexedClean, builds.indexed)).toEqual([]);
  });
});
