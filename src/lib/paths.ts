/** Joins the site's base path and a site-relative path into one URL path with single slashes. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/u, '')}`;
}

/** The URL path every document page starts with. */
export function documentsRoot(base: string): string {
  return withBase(base, 'doc/');
}

/** The URL path of a document page. */
export function documentPath(base: string, slug: string): string {
  return `${documentsRoot(base)}${slug}/`;
}

/** The URL path of page `n` (1-based) of the newest-first list. */
export function listPagePath(base: string, page: number): string {
  return page <= 1 ? withBase(base, '') : withBase(base, `page/${page}/`);
}

/** The URL path of page `n` of a list whose first page is at `first` (`first/2/`, `first/3/`, …). */
export function pagedPath(first: string, page: number): string {
  return page <= 1 ? first : `${first}${page}/`;
}

/** The URL path of the archive by year and month, or of one year, or of one month's page. */
export function archivePath(base: string, year?: string, month?: string, page = 1): string {
  if (year === undefined) return withBase(base, 'archive/');
  if (month === undefined) return withBase(base, `archive/${year}/`);
  return pagedPath(withBase(base, `archive/${year}/${month}/`), page);
}

/** The URL path of the page of one place or author, or of its page `n`. */
export function namePath(base: string, kind: 'place' | 'author', slug: string, page = 1): string {
  return pagedPath(withBase(base, `${kind}/${slug}/`), page);
}

/** The URL path of the page listing every place and every author. */
export function directoryPath(base: string): string {
  return withBase(base, 'directory/');
}
