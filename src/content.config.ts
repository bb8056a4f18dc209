import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { seedsLoader } from './loaders/seeds-loader.ts';
import { siteConfig } from './site-config.ts';

/** What the site knows of one document: the single source of the document type. */
export const documentSchema = z.object({
  title: z.string().min(1),
  date: z.iso.date(),
  places: z.array(z.string()),
  authors: z.array(z.string()),
  description: z.string(),
  words: z.number().int().nonnegative(),
  source: z.string(),
  /** Language of the text (ISO 639-1), detected at build time; sets the page's `lang`. */
  lang: z.string().min(2),
  /** The document's most frequent stemmed terms and their counts, for related documents. */
  terms: z.record(z.string(), z.number().int().positive()),
});

/** A document as pages receive it. */
export type ArchiveDocument = z.infer<typeof documentSchema>;

export const collections = {
  documents: defineCollection({
    loader: seedsLoader({ directory: siteConfig.seedsDir }),
    schema: documentSchema,
  }),
};
