import type { APIRoute } from 'astro';
import { rssFeed } from '../lib/site-feed.ts';
import { feedSite, latestFeedItems } from './_feed-site.ts';

/** The latest documents as RSS 2.0. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const body = await rssFeed(site, await latestFeedItems(site));
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
