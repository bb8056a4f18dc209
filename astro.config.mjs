// @ts-check
import { defineConfig } from 'astro/config';
import { archive } from './src/integrations/archive.ts';

export default defineConfig({
  trailingSlash: 'always',
  // One shared stylesheet instead of ~4 kB inlined in every page (docs/benchmarks.md). One page at a
  // time: Astro's incremental build, which restores unchanged pages, is off above one.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 1 },
  // Component styles are global, each under its component's own class, so no element carries a
  // scope marker (1.9 kB of a document page); should a scoped style come, it selects a class
  // (`.astro-HASH`) rather than a `data-astro-cid-*` attribute (docs/benchmarks.md).
  scopedStyleStrategy: 'class',
  // A page is rendered again only when its `cacheKey` (src/pages/_page-key.ts) or its code changed;
  // the others stay in the output folder, or are copied back from the build cache (`<cacheDir>/dist/`).
  experimental: { incrementalBuild: true },
  // The dev server watches the project; benchmark archives and build output hold hundreds of
  // thousands of files, more than the system allows watchers for. The output folder is not emptied:
  // unchanged pages stay in place, and `keptOutput` deletes what the build did not write or keep.
  // Scripts stay files, never inlined: the Content-Security-Policy then allows 'self' and two fixed
  // hashes (src/lib/site/content-security.ts) instead of a hash per bundled script and build.
  vite: {
    server: { watch: { ignored: ['**/bench/**', '**/dist/**'] } },
    build: { emptyOutDir: false, assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  // What the archive is called and shows. A deploy sets `SITE_URL`, `BASE_PATH` and `PAGE_SIZE`,
  // which win over `site`, `base` and `pageSize` here; the build's own settings (folders, threads,
  // reports) come from the environment (README, "Configuration").
  integrations: [
    archive({
      title: 'Архив новостей',
      description: 'Архив новостных материалов с полнотекстовым поиском, доступный без сети.',
      lang: 'ru',
    }),
  ],
});
