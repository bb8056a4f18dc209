import { Feed, type Item } from 'feed';
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

/** Escapes plain text for feed fields that readers parse as HTML (RSS title and description, Atom title and summary). */
export function escapeFeedText(text: string): string {
  return toHtml({ type: 'text', value: text });
}

// The feed library writes HTML fields as CDATA and splits only the first `]]>` in each: in HTML
// text `]]&gt;` reads the same and can never end the section.
const cdataSafe = (html: string): string => html.replaceAll(']]>', ']]&gt;');

// The feed library's XML writer turns `&amp;` in a text node into `&` before it escapes: every `&`
// written as `&amp;` comes back out as the text itself.
const xmlText = (text: string): string => text.replaceAll('&', '&amp;');

/** The formats the site's feeds are written in. */
export type FeedFormat = 'rss' | 'atom' | 'json';

// The names as the feed library's authors or categories, none for an empty list.
const named = (names: readonly string[], text: (name: string) => string) =>
  names.length > 0 ? names.map((name) => ({ name: text(name) })) : undefined;
const plain = (text: string): string => text;

// An item as one format wants it from the feed library.
function libraryItem(item: FeedItem, format: FeedFormat): Item {
  const xml = format !== 'json';
  // Readers take RSS and Atom titles and summaries for HTML: plain text is escaped first.
  const html = (text: string): string => (xml ? cdataSafe(escapeFeedText(text)) : text);
  // RSS wants an e-mail address as an author, which a dateline never gives: it names none.
  const authors = format === 'rss' ? undefined : named(item.authors, xml ? xmlText : plain);
  // RSS writes a category as a text node; Atom as an attribute, where the library escapes `&` itself
  // (a place is capitalised words by the dateline's grammar: it holds no `<`).
  const categories = named(item.places, format === 'rss' ? xmlText : plain);
  return {
    title: html(item.title),
    // Without an id the RSS guid is the link itself, a permalink; Atom and JSON Feed take the link as id.
    ...(format !== 'rss' && { id: item.link }),
    link: item.link,
    date: item.date,
    published: item.date,
    description: html(item.description),
    content: xml ? cdataSafe(item.content) : item.content,
    ...(authors && { author: authors }),
    ...(categories && { category: categories }),
  };
}

// The feed library's generator for one format, the items shaped as that format wants them.
function buildFeed(site: FeedSite, items: readonly FeedItem[], format: FeedFormat): Feed {
  const home = new URL(withBase(site.base, ''), site.site).href;
  const text = format === 'json' ? plain : xmlText;
  const feed = new Feed({
    id: home,
    title: text(site.title),
    description: text(site.description),
    link: home,
    language: site.lang,
    updated: items[0]?.date ?? new Date(0),
    generator: false,
    // Atom wants an author for entries whose dateline names none: the archive itself.
    author: { name: text(site.title), link: home },
    feedLinks: {
      rss: new URL(withBase(site.base, 'rss.xml'), site.site).href,
      atom: new URL(withBase(site.base, 'atom.xml'), site.site).href,
      json: new URL(withBase(site.base, 'feed.json'), site.site).href,
    },
  });
  for (const item of items) feed.addItem(libraryItem(item, format));
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
function jsonFeed(site: FeedSite, items: readonly FeedItem[]): string {
  const feed = JSON.parse(buildFeed(site, items, 'json').json1()) as {
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

/** The items as the text of a feed in the given format: RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export function feedText(site: FeedSite, items: readonly FeedItem[], format: FeedFormat): string {
  if (format === 'json') return jsonFeed(site, items);
  const feed = buildFeed(site, items, format);
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
