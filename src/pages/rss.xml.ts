import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { escapeFeedText } from '../lib/site-feed.ts';
import { siteConfig } from '../site-config.ts';
import { feedSite, latestFeedItems } from './_feed-site.ts';

/** The latest documents as RSS 2.0. */
export const GET: APIRoute = async (context) => {
  const site = feedSite(context.site);
  const items = await latestFeedItems(site);
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: new URL(import.meta.env.BASE_URL, site.site).href,
    customData: `<language>${siteConfig.lang}</language>`,
    trailingSlash: true,
    items: items.map((item) => ({
      // Readers decode entities in RSS titles as in descriptions: escaped alike, `&#60;` shows as written.
      title: escapeFeedText(item.title),
      link: item.link,
      pubDate: item.date,
      // RSS descriptions are HTML to every reader, so plain text is escaped first.
      description: escapeFeedText(item.description),
      content: item.content,
      categories: item.places,
    })),
  });
};
