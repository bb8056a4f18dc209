import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildFeed, latestItems, type FeedSite } from '../lib/site-feed.ts';
import { siteConfig } from '../site-config.ts';

/** The site as the feeds describe it. */
export function feedSite(site: URL | undefined): FeedSite {
  return {
    title: siteConfig.title,
    description: siteConfig.description,
    lang: siteConfig.lang,
    site: (site ?? new URL(siteConfig.site)).href,
    base: import.meta.env.BASE_URL,
    limit: siteConfig.feedSize,
  };
}

/** The latest documents as Atom 1.0. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const feed = buildFeed(site, latestItems(await getCollection('documents'), site));
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
