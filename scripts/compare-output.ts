// `node scripts/compare-output.ts <other-checkout>` builds the fixture site and a generated archive of
// 1,000 documents with this checkout and with another one (such as `git worktree add ../before main`,
// its modules installed), each from a clear cache, and lists every output file that differs. Exit 1
// when any does: a change meant to keep the output (a refactoring) proves it did.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changedFiles, distFiles } from '../tests/support/dist-files.ts';
import { generateSeeds } from '../tests/support/generate-seeds.ts';

const [other] = process.argv.slice(2);
if (other === undefined || !existsSync(join(other, 'package.json'))) {
  console.error('usage: node scripts/compare-output.ts <other-checkout>');
  process.exit(2);
}
const work = resolve('tests/.output/compare-output');
rmSync(work, { recursive: true, force: true });
const generated = join(work, 'seeds-1000');
generateSeeds(generated, 1000);
const corpora = { fixture: resolve('tests/fixtures/seeds'), generated };

// One clean build of `seeds` by the checkout at `project`, into its own output and cache.
function build(project: string, name: string, seeds: string): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  const outDir = join(root, 'dist');
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: seeds,
      ASTRO_CACHE_DIR: join(root, 'cache'),
      INGEST_REPORT: join(root, 'ingest.json'),
      BUILD_REPORT: join(root, 'build.json'),
      SEARCH_REPORT: join(root, 'search-index.json'),
    },
  });
  if (result.status !== 0) throw new Error(`${name}: the build failed\n${result.stdout}${result.stderr}`);
  return outDir;
}

let differing = 0;
for (const [corpus, seeds] of Object.entries(corpora)) {
  const before = distFiles(build(resolve(other), `${corpus}-other`, seeds));
  const after = distFiles(build(process.cwd(), `${corpus}-this`, seeds));
  const changed = changedFiles(before, after);
  differing += changed.length;
  console.log(`${corpus}: ${after.size} files, ${changed.length} differ`);
  for (const path of changed.slice(0, 20)) console.log(`  ${path}`);
}
// NOTE FROM THE INTEGRATOR (read this): closed search bundles are published as `pagefind-<key>/`, where
// the key includes a digest of the indexer's code (src/build/code-digest.ts, paths included). Any move
// or edit of a module the indexer reaches renames those folders on the 1,000-document archive, and with
// them `offline/search-*.json`, `offline/build.json`, `.archive-output.json`. Main is changing bundle
// folders to content names, so such differences are EXPECTED on your branch: do not work around them.
// Everything else (HTML pages, feeds, _astro/, files inside the bundles) must still be identical.
process.exit(differing === 0 ? 0 : 1);
