// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { offlineIntegration } from './src/integrations/offline.ts';
import { buildPhases } from './src/integrations/build-phases.ts';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { searchVocabularyIntegration, VOCABULARY_DIR } from './src/integrations/search-vocabulary.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  // One shared stylesheet instead of ~4 kB inlined in every page (docs/benchmarks.md). Astro's
  // incremental build stays off: every page names the build it belongs to, so the service worker
  // never mixes pages of two deploys, and a page restored from an older build would break that.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The dev server watches the project; benchmark archives and build output hold hundreds of
  // thousands of files, more than the system allows watchers for.
  vite: { server: { watch: { ignored: ['**/bench/**', '**/dist/**'] } } },
  // Order matters: hooks run in this order, and the service worker precaches the finished search
  // index and the vocabulary, so the offline integration comes after them.
  integrations: [
    searchIntegration({ bundleSize: siteConfig.searchShardSize, reportPath: siteConfig.searchReport }),
    searchVocabularyIntegration({ seedsDir: siteConfig.seedsDir }),
    sitemap(),
    offlineIntegration({
      after: 'archive:search',
      budgetBytes: Number(process.env.OFFLINE_BUDGET_MB ?? 25) * 1e6,
      shellFolders: [`${VOCABULARY_DIR}/`],
    }),
    // Last, so its summary line comes after every other integration's build:done work.
    buildPhases(),
  ],
});
