import type { Dated } from '../site/order.ts';

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
  data: { date: string; headline: string };
}

const link = (entry: LinkableDocument): DocumentLink => ({
  id: entry.id,
  headline: entry.data.headline,
  date: entry.data.date,
});

/**
 * Computes, for documents in newest-first order, each one's newer, older and related documents,
 * from the ids of each one's related documents (`src/lib/document/related.ts`).
 */
export function documentLinks(
  newestFirst: readonly LinkableDocument[],
  related: ReadonlyMap<string, readonly string[]>,
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
