import { feedRoute } from './_feed-site.ts';

/** The latest documents as Atom 1.0. */
export const GET = feedRoute('atom');
