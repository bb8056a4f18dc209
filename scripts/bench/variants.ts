/** A benchmark variant: overrides of the site's Astro config and search options, one lever each. */
export interface Variant {
  astro?: { build?: Record<string, unknown>; experimental?: Record<string, unknown> };
  search?: { bundleSize?: number };
}

/**
 * The levers measured by `npm run bench -- --variant NAME`, each one change from the committed
 * config (`current`); docs/benchmarks.md says what each gave.
 */
export const variants: Record<string, Variant> = {
  current: {},
  'concurrency-2': { astro: { build: { concurrency: 2 } } },
  'concurrency-4': { astro: { build: { concurrency: 4 } } },
  // Worker-thread rendering (Astro 7.4): ignored, with a warning, while an integration sets the
  // prerenderer, as build-phases does to follow the pages rendered.
  'parallel-prerender': { astro: { experimental: { parallelPrerender: true } } },
  chunked: { astro: { experimental: { collectionStorage: 'chunked' } } },
  // Every page rendered on every build, as before pages had cache keys.
  'no-incremental': { astro: { experimental: { incrementalBuild: false } } },
  'inline-css': { astro: { build: { inlineStylesheets: 'auto' } } },
  // Search bundles of at most this many documents (`SEARCH_SHARD_SIZE`, 10,000 as committed).
  'bundles-5k': { search: { bundleSize: 5000 } },
  'bundles-20k': { search: { bundleSize: 20_000 } },
};

/** Source of an Astro config file that imports the project's config and applies a variant. */
export function variantConfig(variant: Variant): string {
  const astro = JSON.stringify(variant.astro ?? {});
  const search = JSON.stringify(variant.search ?? {});
  return `import base from '../astro.config.mjs';
import { archiveBuild } from '../src/integrations/archive-build.ts';
import { siteConfig } from '../src/site-config.ts';

const astro = ${astro};
const search = ${search};
export default {
  ...base,
  build: { ...base.build, ...astro.build },
  experimental: { ...base.experimental, ...astro.experimental },
  integrations: base.integrations.map((integration) =>
    integration.name === 'archive:build' && Object.keys(search).length > 0
      ? archiveBuild({
          cacheDir: siteConfig.cacheDir,
          bundleSize: siteConfig.searchShardSize,
          searchReport: siteConfig.searchReport,
          offlineBudgetBytes: siteConfig.offlineBudgetBytes,
          buildReport: siteConfig.buildReport,
          buildPhasesFile: siteConfig.buildPhasesFile,
          ...search,
        })
      : integration,
  ),
};
`;
}
