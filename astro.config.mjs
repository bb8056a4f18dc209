// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveBuild } from './src/integrations/archive-build.ts';
import { siteConfig } from './src/site-config.ts';

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
  // The sitemap's files are part of the build the offline list describes, so it writes them first:
  // integrations' hooks run in the order listed. The archive's own steps run in the order its code
  // states (src/integrations/archive-build.ts).
  integrations: [
    sitemap(),
    archiveBuild({
      cacheDir: siteConfig.cacheDir,
      bundleSize: siteConfig.searchShardSize,
      searchReport: siteConfig.searchReport,
      offlineBudgetBytes: siteConfig.offlineBudgetBytes,
      buildReport: siteConfig.buildReport,
      buildPhasesFile: siteConfig.buildPhasesFile,
    }),
  ],
});
