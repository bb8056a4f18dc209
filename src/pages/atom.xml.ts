import type { APIRoute } from 'astro';
import { asHtmlItems, buildFeed } from '../lib/site-feed.ts';
import { feedSite, latestFeedItems } from './_feed-site.ts';

/** The latest documents as Atom 1.0. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  // Atom titles and summaries are typed as HTML by the feed library, so plain text is escaped first.
  const feed = buildFeed(site, asHtmlItems(await latestFeedItems(site)));
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
