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

/** The URL path of the home page (0) or of page `n` of all documents, counted from the oldest. */
export function listPagePath(base: string, page: number): string {
  return page < 1 ? withBase(base, '') : withBase(base, `page/${page}/`);
}

/** The URL path of a list's first page `first` (0) or of its page `n` (`first/1/`, `first/2/`, …). */
export function pagedPath(first: string, page: number): string {
  return page < 1 ? first : `${first}${page}/`;
}

/** The URL path of the archive by year and month, or of one year, or of a month's first page (0) or page `n`. */
export function archivePath(base: string, year?: string, month?: string, page = 0): string {
  if (year === undefined) return withBase(base, 'archive/');
  if (month === undefined) return withBase(base, `archive/${year}/`);
  return pagedPath(withBase(base, `archive/${year}/${month}/`), page);
}

/** The URL path of the first page (0) of one place or author, or of its page `n`. */
export function namePath(base: string, kind: 'place' | 'author', slug: string, page = 0): string {
  return pagedPath(withBase(base, `${kind}/${slug}/`), page);
}

/** The URL path of the page listing every place and every author. */
export function directoryPath(base: string): string {
  return withBase(base, 'directory/');
}
