import { z } from 'astro/zod';

/** What the site knows of one document: the single source of the document type. */
export const documentSchema = z.object({
  /** The headline as written in the seed (titles, meta tags, feeds). */
  title: z.string().min(1),
  /** The headline set with the body's typography (no-break spaces, dashes, quotes), for display. */
  headline: z.string().min(1),
  date: z.iso.date(),
  places: z.array(z.string()),
  authors: z.array(z.string()),
  description: z.string(),
  words: z.number().int().nonnegative(),
  source: z.string(),
  /** Language of the text (ISO 639-1), detected at build time; sets the page's `lang`. */
  lang: z.string().min(2),
});

/** A document as pages receive it. */
export type ArchiveDocument = z.infer<typeof documentSchema>;

/** A document's fields as the loader hands them to the schema. */
export type DocumentFields = z.input<typeof documentSchema>;

/**
 * One document as every step after the loader receives it: what search, vocabulary and the offline
 * list need of its fields, its slug (its address is `/doc/<id>/`) and the content digest of its
 * seed, which names its body and words in the build cache (`src/build/build-cache.ts`).
 */
export const documentRecordSchema = documentSchema
  .pick({ title: true, headline: true, date: true, places: true, authors: true, lang: true })
  .extend({ id: z.string().min(1), digest: z.string().min(1) });

/** A document's record (`documentRecordSchema`). */
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
