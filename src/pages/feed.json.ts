import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildFeed, latestItems } from '../lib/site-feed.ts';
import { feedSite } from './_feed-site.ts';

/** The latest documents as JSON Feed. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const feed = buildFeed(site, latestItems(await getCollection('documents'), site));
  return new Response(feed.json1(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
