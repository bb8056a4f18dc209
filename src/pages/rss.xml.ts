import { feedRoute } from './_feed-site.ts';

/** The latest documents as RSS 2.0. */
export const GET = feedRoute('rss');
