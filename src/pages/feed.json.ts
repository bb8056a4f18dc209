import type { APIRoute } from 'astro';
import { buildFeed } from '../lib/site-feed.ts';
import { feedSite, latestFeedItems } from './_feed-site.ts';

/** The latest documents as JSON Feed. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const feed = buildFeed(site, await latestFeedItems(site));
  return new Response(feed.json1(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
