import type { FeedSite } from '../lib/site-feed.ts';
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
