// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { offlineIntegration } from './src/integrations/offline.ts';
import { buildLock } from './src/integrations/build-lock.ts';
import { buildPhases } from './src/integrations/build-phases.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { searchVocabularyIntegration, VOCABULARY_DIR } from './src/integrations/search-vocabulary.ts';
import { siteConfig } from './src/site-config.ts';

const [keptOutputFirst, keptOutputRecord] = keptOutput({ cacheDir: siteConfig.cacheDir });

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  // One shared stylesheet instead of ~4 kB inlined in every page (docs/benchmarks.md). One page at a
  // time: Astro's incremental build, which restores unchanged pages, is off above one.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 1 },
  // Scoped styles select a class (`.astro-HASH`, the same specificity) instead of a `data-astro-cid-*`
  // attribute on every element: a document page is ~1.4 kB smaller (docs/benchmarks.md).
  scopedStyleStrategy: 'class',
  // A page is rendered again only when its `cacheKey` (src/pages/_page-key.ts) or its code changed;
  // the others stay in the output folder, or are copied back from the build cache (`<cacheDir>/dist/`).
  experimental: { incrementalBuild: true },
  // The dev server watches the project; benchmark archives and build output hold hundreds of
  // thousands of files, more than the system allows watchers for. The output folder is not emptied:
  // unchanged pages stay in place, and `keptOutput` deletes what the build did not write or keep.
  // Scripts stay files, never inlined: the Content-Security-Policy then allows 'self' and two fixed
  // hashes (src/lib/content-security.ts) instead of a hash per bundled script and build.
  vite: {
    server: { watch: { ignored: ['**/bench/**', '**/dist/**'] } },
    build: { emptyOutDir: false, assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  // Order matters: hooks run in this order, and the service worker precaches the finished search
  // index and the vocabulary, so the offline integration comes after them.
  integrations: [
    buildLock(),
    keptOutputFirst,
    searchIntegration({ bundleSize: siteConfig.searchShardSize, reportPath: siteConfig.searchReport }),
    searchVocabularyIntegration({ cacheDir: siteConfig.cacheDir }),
    sitemap(),
    offlineIntegration({
      after: 'archive:search',
      budgetBytes: siteConfig.offlineBudgetBytes,
      shellFolders: [`${VOCABULARY_DIR}/`],
      cacheDir: siteConfig.cacheDir,
    }),
    keptOutputRecord,
    // Last, so its summary line comes after every other integration's build:done work.
    buildPhases({
      cacheDir: siteConfig.cacheDir,
      report: siteConfig.buildReport,
      phasesFile: siteConfig.buildPhasesFile,
    }),
  ],
});
