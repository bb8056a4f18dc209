import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestSeed } from '../../src/lib/seed/ingest.ts';
import type { SyntheticSeed } from './corpus.ts';

// The smallest Hugo site that publishes what ours does: a page per document, a paged list
// newest first, and one shared layout with header and footer.
const CONFIG = `baseURL = "http://localhost/"
languageCode = "ru"
title = "Архив новостей"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT"]
paginate = 50
`;
const BASEOF = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">Архив новостей</a><form action="/search/"><input type="search" name="q"></form></header>
<main>{{ block "main" . }}{{ end }}</main><footer>Архив</footer></body></html>
`;
const SINGLE = `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }} {{ with .Params.place }}{{ . }}{{ end }} {{ with .Params.author }}{{ . }}{{ end }}</p>
{{ .Content }}</article>{{ end }}
`;
// .Site.RegularPages is already newest first, and .Paginate caches its pager: filtering or sorting
// here again would run once per list page and make the list O(N²).
const LIST = `{{ define "main" }}{{ $pager := .Paginate .Site.RegularPages }}<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ with $pager.Next }}<a href="{{ .URL }}">Дальше</a>{{ end }}{{ end }}
`;

// The search page of a Hugo site with Pagefind's Default UI, as its documentation sets it up,
// reading the query from the address as ours does.
const SEARCH_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Поиск</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"></head>
<body><header><a href="/">Архив новостей</a></header>
<main><h1>Поиск</h1><div id="search"></div></main>
<script src="/pagefind/pagefind-ui.js"></script>
<script>
const ui = new PagefindUI({ element: '#search', showSubResults: true, showImages: false });
const query = new URLSearchParams(location.search).get('q');
if (query) ui.triggerSearch(query);
</script></body></html>
`;

/** Writes a minimal Hugo site holding the same documents, at the same `/doc/<slug>/` addresses. */
export async function writeHugoSite(directory: string, seeds: Iterable<SyntheticSeed>): Promise<void> {
  await rm(directory, { recursive: true, force: true });
  const content = join(directory, 'content', 'doc');
  const layouts = join(directory, 'layouts', '_default');
  await mkdir(content, { recursive: true });
  await mkdir(layouts, { recursive: true });
  await writeFile(join(directory, 'config.toml'), CONFIG);
  await writeFile(join(layouts, 'baseof.html'), BASEOF);
  await writeFile(join(layouts, 'single.html'), SINGLE);
  await writeFile(join(layouts, 'list.html'), LIST);
  await writeFile(join(directory, 'layouts', 'index.html'), LIST);
  await mkdir(join(directory, 'static', 'search'), { recursive: true });
  await writeFile(join(directory, 'static', 'search', 'index.html'), SEARCH_PAGE);
  for (const seed of seeds) {
    const result = ingestSeed(seed.path, new TextEncoder().encode(seed.text));
    if (!result.ok) continue;
    const { title, date, places, authors, paragraphs } = result.seed;
    const front = [
      `title: ${JSON.stringify(title)}`,
      `date: ${date}`,
      `place: ${JSON.stringify(places.join(', '))}`,
      `author: ${JSON.stringify(authors.join(', '))}`,
    ].join('\n');
    await writeFile(join(content, `${result.slug}.md`), `---\n${front}\n---\n\n${paragraphs.join('\n\n')}\n`);
  }
}
