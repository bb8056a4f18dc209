// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { searchVocabularyIntegration } from './src/integrations/search-vocabulary.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  // A separate cache lets test builds over fixtures leave the real site's content store alone.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    searchIntegration({ seedsDir: siteConfig.seedsDir, lang: siteConfig.lang }),
    searchVocabularyIntegration({ seedsDir: siteConfig.seedsDir }),
    sitemap(),
  ],
});
