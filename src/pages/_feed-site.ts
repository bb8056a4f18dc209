import { getCollection } from 'astro:content';
import { latestItems, type FeedItem, type FeedSite } from '../lib/site-feed.ts';
import { documentBody } from './_document-body.ts';
import siteConfig from 'virtual:archive/site';

/** The site as the feeds describe it. */
export function feedSite(site: URL | undefined): FeedSite {
  return {
    title: siteConfig.title,
    description: siteConfig.description,
    lang: siteConfig.lang,
    site: (site ?? new URL(siteConfig.site)).href,
    base: import.meta.env.BASE_URL,
    limit: siteConfig.feedSize,
    readMore: 'Текст слишком длинный для ленты: читать на сайте',
  };
}

/** The newest documents as feed items, bodies included. */
export async function latestFeedItems(site: FeedSite): Promise<FeedItem[]> {
  return latestItems(await getCollection('documents'), site, documentBody);
}
