// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { offlineIntegration } from './src/integrations/offline.ts';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { searchVocabularyIntegration, VOCABULARY_DIR } from './src/integrations/search-vocabulary.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  // A separate cache lets test builds over fixtures leave the real site's content store alone.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Order matters: hooks run in this order, and the service worker precaches the finished search
  // index and the vocabulary, so the offline integration comes last.
  integrations: [
    searchIntegration({ seedsDir: siteConfig.seedsDir, lang: siteConfig.lang }),
    searchVocabularyIntegration({ seedsDir: siteConfig.seedsDir }),
    sitemap(),
    offlineIntegration({
      after: 'archive:search',
      budgetBytes: Number(process.env.OFFLINE_BUDGET_MB ?? 25) * 1e6,
      shellFolders: [`${VOCABULARY_DIR}/`],
    }),
  ],
});
