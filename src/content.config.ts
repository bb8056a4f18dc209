import { defineCollection } from 'astro:content';
import buildSettings from 'virtual:archive/build';
import siteSettings from 'virtual:archive/site';
import { seedsLoader } from './loaders/seeds-loader.ts';
import { documentSchema } from './schemas/document.ts';

export const collections = {
  documents: defineCollection({
    loader: seedsLoader({
      directory: buildSettings.seedsDir,
      maxBytes: buildSettings.maxSeedBytes,
      cacheDir: buildSettings.cacheDir,
      // Short texts fall back to the site's language.
      lang: siteSettings.lang,
      threads: buildSettings.syncThreads,
      strict: buildSettings.strict,
      ingestReport: buildSettings.ingestReport,
    }),
    schema: documentSchema,
  }),
};
