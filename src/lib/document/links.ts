import type { Dated } from '../site/order.ts';
import { relatedDocuments, type RelatedOptions } from './related.ts';
import type { TermCounts } from './terms.ts';

/** What a link to another document shows: its headline as typeset for display, and its date. */
export interface DocumentLink {
  id: string;
  headline: string;
  date: string;
}

/** Links from one document to its neighbours by date and to the documents most like it. */
export interface DocumentLinks {
  newer?: DocumentLink;
  older?: DocumentLink;
  related: DocumentLink[];
}

/** A document as the link builder sees it. */
export interface LinkableDocument extends Dated {
  data: { date: string; headline: string; terms: TermCounts };
}

const link = (entry: LinkableDocument): DocumentLink => ({
  id: entry.id,
  headline: entry.data.headline,
  date: entry.data.date,
});

/** The ids of each document's related documents, for documents in newest-first order. */
export function relatedIds(
  newestFirst: readonly LinkableDocument[],
  options: RelatedOptions = {},
): Map<string, string[]> {
  return relatedDocuments(
    newestFirst.map((entry) => ({ id: entry.id, terms: entry.data.terms })),
    options,
  );
}

/**
 * Computes, for documents in newest-first order, each one's newer, older and related documents;
 * `related` gives the related ids when they are known already (as `relatedIds` gives them).
 */
export function documentLinks(
  newestFirst: readonly LinkableDocument[],
  options: RelatedOptions = {},
  related: ReadonlyMap<string, readonly string[]> = relatedIds(newestFirst, options),
): Map<string, DocumentLinks> {
  const byId = new Map(newestFirst.map((entry) => [entry.id, entry]));
  const links = new Map<string, DocumentLinks>();
  newestFirst.forEach((entry, index) => {
    const newer = newestFirst[index - 1];
    const older = newestFirst[index + 1];
    links.set(entry.id, {
      ...(newer && { newer: link(newer) }),
      ...(older && { older: link(older) }),
      related: (related.get(entry.id) ?? []).flatMap((id) => {
        const other = byId.get(id);
        return other ? [link(other)] : [];
      }),
    });
  });
  return links;
}
