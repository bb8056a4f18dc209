import type { APIRoute } from 'astro';
import { jsonFeed } from '../lib/site-feed.ts';
import { feedSite, latestFeedItems } from './_feed-site.ts';

/** The latest documents as JSON Feed 1.1. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const body = jsonFeed(site, await latestFeedItems(site));
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
