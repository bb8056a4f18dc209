// @ts-check
import { defineConfig } from 'astro/config';
import { offlineIntegration } from './src/integrations/offline.ts';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // A separate cache lets test builds over fixtures leave the real site's content store alone.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Order matters: hooks run in this order, and the service worker precaches the finished search index.
  integrations: [
    searchIntegration({ seedsDir: siteConfig.seedsDir, lang: siteConfig.lang }),
    offlineIntegration({
      after: 'archive:search',
      budgetBytes: Number(process.env.OFFLINE_BUDGET_MB ?? 25) * 1e6,
    }),
  ],
});
