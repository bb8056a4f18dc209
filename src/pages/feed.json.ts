import { feedRoute } from './_feed-site.ts';

/** The latest documents as JSON Feed 1.1. */
export const GET = feedRoute('json');
