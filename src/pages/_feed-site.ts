import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { feedText, latestItems, type FeedFormat, type FeedItem, type FeedSite } from '../lib/site/feed.ts';
import { documentBody } from './_document-body.ts';
import siteSettings from 'virtual:archive/site';

/** The site as the feeds describe it. */
export function feedSite(site: URL | undefined): FeedSite {
  return {
    title: siteSettings.title,
    description: siteSettings.description,
    lang: siteSettings.lang,
    site: (site ?? new URL(siteSettings.site)).href,
    base: import.meta.env.BASE_URL,
    limit: siteSettings.feedSize,
    readMore: 'Текст слишком длинный для ленты: читать на сайте',
  };
}

/** The newest documents as feed items, bodies included. */
export async function latestFeedItems(site: FeedSite): Promise<FeedItem[]> {
  return latestItems(await getCollection('documents'), site, documentBody);
}

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The route that serves the latest documents as a feed in one format. */
export function feedRoute(format: FeedFormat): APIRoute {
  return async (context) => {
    const site = feedSite(context.site);
    const body = feedText(site, await latestFeedItems(site), format);
    return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
  };
}
