import { defineCollection } from 'astro:content';
import { seedsLoader } from './loaders/seeds-loader.ts';
import { documentSchema } from './schemas/document.ts';
import { siteConfig } from './site-config.ts';

export const collections = {
  documents: defineCollection({
    loader: seedsLoader({ directory: siteConfig.seedsDir }),
    schema: documentSchema,
  }),
};
