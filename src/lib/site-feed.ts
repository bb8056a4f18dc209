import { Feed } from 'feed';
import { toHtml } from 'hast-util-to-html';
import { compareNewestFirst } from './order.ts';
import { documentPath, withBase } from './paths.ts';

/** A document as the feeds see it. */
export interface FeedDocument {
  id: string;
  data: { title: string; date: string; description: string; places: string[]; authors: string[] };
}

/** What the feeds say about the site itself. */
export interface FeedSite {
  title: string;
  description: string;
  lang: string;
  /** Absolute address of the site's root (may carry a base path). */
  site: string;
  base: string;
  limit: number;
}

/** One feed item with absolute links, the same in RSS, Atom and JSON Feed. */
export interface FeedItem {
  title: string;
  link: string;
  date: Date;
  description: string;
  content: string;
  places: string[];
  authors: string[];
}

/** Midnight UTC of an ISO date, the publication time the feeds state. */
export function isoDateToDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** The newest `limit` documents as feed items with absolute links, each with its body HTML. */
export function latestItems<T extends FeedDocument>(
  documents: readonly T[],
  site: FeedSite,
  bodyOf: (entry: T) => string,
): FeedItem[] {
  return [...documents]
    .sort(compareNewestFirst)
    .slice(0, site.limit)
    .map((entry) => ({
      title: entry.data.title,
      link: new URL(documentPath(site.base, entry.id), site.site).href,
      date: isoDateToDate(entry.data.date),
      description: entry.data.description,
      content: bodyOf(entry),
      places: entry.data.places,
      authors: entry.data.authors,
    }));
}

/** Escapes plain text for feed fields that readers parse as HTML (RSS description, Atom title and summary). */
export function escapeFeedText(text: string): string {
  return toHtml({ type: 'text', value: text });
}

/** The same items with their plain-text title and description escaped for HTML-typed feed fields. */
export function asHtmlItems(items: readonly FeedItem[]): FeedItem[] {
  return items.map((item) => ({
    ...item,
    title: escapeFeedText(item.title),
    description: escapeFeedText(item.description),
  }));
}

/** Builds an Atom and JSON Feed generator holding the given items. */
export function buildFeed(site: FeedSite, items: readonly FeedItem[]): Feed {
  const home = new URL(withBase(site.base, ''), site.site).href;
  const feed = new Feed({
    id: home,
    title: site.title,
    description: site.description,
    link: home,
    language: site.lang,
    updated: items[0]?.date ?? new Date(0),
    generator: false,
    // Atom wants an author for entries whose dateline names none: the archive itself.
    author: { name: site.title, link: home },
    feedLinks: {
      atom: new URL(withBase(site.base, 'atom.xml'), site.site).href,
      json: new URL(withBase(site.base, 'feed.json'), site.site).href,
    },
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: item.link,
      link: item.link,
      date: item.date,
      published: item.date,
      description: item.description,
      content: item.content,
      ...(item.authors.length > 0 && { author: item.authors.map((name) => ({ name })) }),
      ...(item.places.length > 0 && { category: item.places.map((name) => ({ name })) }),
    });
  }
  return feed;
}
