// @ts-check
import { defineConfig } from 'astro/config';
import { buildPhases } from './src/integrations/build-phases.ts';
import { searchIntegration } from './src/integrations/pagefind.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // A separate cache lets test builds over fixtures leave the real site's content store alone.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Levers measured in docs/benchmarks.md: one shared stylesheet instead of ~4 kB inlined in
  // every page; unchanged document pages restored from the cache on rebuilds (cacheKey in doc/[slug]).
  build: { format: 'directory', inlineStylesheets: 'never' },
  experimental: { incrementalBuild: true },
  integrations: [
    // maxFragments keeps Pagefind's file count near 1,000 instead of one file per document.
    searchIntegration({ seedsDir: siteConfig.seedsDir, lang: siteConfig.lang, maxFragments: 1000 }),
    // Last, so its summary line comes after every other integration's build:done work.
    buildPhases(),
  ],
});
