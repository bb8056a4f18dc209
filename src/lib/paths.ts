/** Joins the site's base path and a site-relative path into one URL path with single slashes. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/u, '')}`;
}

/** The URL path of a document page. */
export function documentPath(base: string, slug: string): string {
  return withBase(base, `doc/${slug}/`);
}

/** The URL path of page `n` (1-based) of the newest-first list. */
export function listPagePath(base: string, page: number): string {
  return page <= 1 ? withBase(base, '') : withBase(base, `page/${page}/`);
}
