import { deriveDocument, type DeriveInput } from './derive-document.ts';
import { writeBody } from './document-bodies.ts';
import type { TermCounts } from '../lib/terms.ts';

/** One batch of documents for a worker thread, and where their bodies go. */
export interface DeriveTask {
  bodies: string;
  fallbackLang: string;
  inputs: DeriveInput[];
}

/** What a worker returns for each document (the body itself stays on disk), or why it failed. */
export type DerivedFacts = { headline: string; terms: TermCounts; lang: string } | { error: string };

/** Derives a batch of documents and writes their bodies (runs in a worker thread, or inline). */
export default async function deriveBatch(task: DeriveTask): Promise<DerivedFacts[]> {
  return task.inputs.map((input): DerivedFacts => {
    // One document that trips the renderer is reported; the rest of the batch still builds.
    try {
      const { html, ...facts } = deriveDocument(input, task.fallbackLang);
      writeBody(task.bodies, input.digest, html);
      return facts;
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
