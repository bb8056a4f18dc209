import { getRssString } from '@astrojs/rss';
import { Feed } from 'feed';
import type { Element, ElementContent } from 'hast';
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
  /** Link text that stands in for a body too long for a feed. */
  readMore: string;
}

/** Longest body HTML a feed item carries, in UTF-16 units; a longer one is linked instead. */
export const FEED_CONTENT_LIMIT = 100_000;

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

// Fifty documents of megabytes each would make a feed no reader loads: a long body is summarised and linked.
function feedContent(body: string, description: string, link: string, readMore: string): string {
  if (body.length <= FEED_CONTENT_LIMIT) return body;
  const element = (tagName: string, properties: Element['properties'], child: ElementContent): Element => ({
    type: 'element',
    tagName,
    properties,
    children: [child],
  });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  return toHtml([
    element('p', {}, text(description)),
    element('p', {}, element('a', { href: link }, text(readMore))),
  ]);
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
    .map((entry) => {
      const link = new URL(documentPath(site.base, entry.id), site.site).href;
      return {
        title: entry.data.title,
        link,
        date: isoDateToDate(entry.data.date),
        description: entry.data.description,
        content: feedContent(bodyOf(entry), entry.data.description, link, site.readMore),
        places: entry.data.places,
        authors: entry.data.authors,
      };
    });
}

/** Escapes plain text for feed fields that readers parse as HTML (RSS description, Atom title and summary). */
export function escapeFeedText(text: string): string {
  return toHtml({ type: 'text', value: text });
}

// The feed library writes these fields as CDATA and splits only the first `]]>` in each: in HTML
// text `]]&gt;` reads the same and can never end the section.
const cdataSafe = (html: string): string => html.replaceAll(']]>', ']]&gt;');

/** The same items as HTML-typed feed fields want them (Atom): text escaped, and safe inside CDATA. */
export function asHtmlItems(items: readonly FeedItem[]): FeedItem[] {
  return items.map((item) => ({
    ...item,
    title: cdataSafe(escapeFeedText(item.title)),
    description: cdataSafe(escapeFeedText(item.description)),
    content: cdataSafe(item.content),
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

interface JsonFeedAuthor {
  name?: string;
  url?: string;
}

/**
 * The items as JSON Feed 1.1: the feed library writes version 1, so its output gains the 1.1
 * `language` and `authors` (every author, where 1 had room for one; `author` stays for older readers).
 */
export function jsonFeed(site: FeedSite, items: readonly FeedItem[]): string {
  const feed = JSON.parse(buildFeed(site, items).json1()) as {
    version: string;
    author?: JsonFeedAuthor;
    items: { author?: JsonFeedAuthor }[];
  };
  const { author, items: entries, ...rest } = feed;
  return JSON.stringify(
    {
      ...rest,
      version: 'https://jsonfeed.org/version/1.1',
      language: site.lang,
      ...(author && { author, authors: [author] }),
      items: entries.map((entry, index) => ({
        ...entry,
        ...((items[index]?.authors.length ?? 0) > 0 && {
          authors: items[index]?.authors.map((name) => ({ name })),
        }),
      })),
    },
    null,
    2,
  );
}

/** The items as RSS 2.0, title and description escaped as the HTML every reader takes them for. */
export function rssFeed(site: FeedSite, items: readonly FeedItem[]): Promise<string> {
  return getRssString({
    title: site.title,
    description: site.description,
    site: new URL(withBase(site.base, ''), site.site).href,
    customData: `<language>${site.lang}</language>`,
    trailingSlash: true,
    items: items.map((item) => ({
      // Readers decode entities in RSS titles as in descriptions: escaped alike, `&#60;` shows as written.
      title: escapeFeedText(item.title),
      link: item.link,
      pubDate: item.date,
      description: escapeFeedText(item.description),
      // An empty body (a headline alone) is left out: @astrojs/rss would write content:encoded
      // without declaring its namespace, and the feed would not be XML.
      ...(item.content !== '' && { content: item.content }),
      categories: item.places,
    })),
  });
}
