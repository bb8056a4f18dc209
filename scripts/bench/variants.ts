/** A benchmark variant: overrides of the site's Astro config and build settings, one lever each. */
export interface Variant {
  astro?: { build?: Record<string, unknown>; experimental?: Record<string, unknown> };
  /** Build settings as a deploy sets them (environment variables), such as `SEARCH_SHARD_SIZE`. */
  env?: Record<string, string>;
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
  'bundles-5k': { env: { SEARCH_SHARD_SIZE: '5000' } },
  'bundles-20k': { env: { SEARCH_SHARD_SIZE: '20000' } },
  // 10,000 documents in 16 bundles, as 100,000 make with the committed size: the search of an
  // archive of that many bundles, on a corpus that builds in minutes.
  'bundles-625': { env: { SEARCH_SHARD_SIZE: '625' } },
};

/** Source of an Astro config file that imports the project's config and applies a variant. */
export function variantConfig(variant: Variant): string {
  const astro = JSON.stringify(variant.astro ?? {});
  const env = JSON.stringify(variant.env ?? {});
  return `import base from '../astro.config.mjs';

const astro = ${astro};
// The archive integration reads the build settings when its hooks run, after this line.
Object.assign(process.env, ${env});
export default {
  ...base,
  build: { ...base.build, ...astro.build },
  experimental: { ...base.experimental, ...astro.experimental },
};
`;
}
