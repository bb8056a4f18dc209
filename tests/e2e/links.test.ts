import { describe, expect, it } from 'vitest';
import { readingUrl } from '../support/reading.ts';

const ATTRIBUTE = /\s(?:href|src)="([^"#]+)(?:#[^"]*)?"/gu;

describe('a site deployed under a sub-path', () => {
  it('links only to addresses under the base path, and every one of them exists', async () => {
    const origin = new URL(readingUrl()).origin;
    const seen = new Set<string>(['/news/']);
    const queue = ['/news/'];
    const outside: string[] = [];
    const broken: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      const response = await fetch(`${origin}${path}`);
      if (response.status !== 200) broken.push(`${path} → ${response.status}`);
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await response.text();
      for (const [, value] of html.matchAll(ATTRIBUTE)) {
        const url = new URL(value as string, `${origin}${path}`);
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith('/news/')) outside.push(`${path}: ${value}`);
        else if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    // Every page is reachable by following links from the home page.
    for (const path of [
      'page/4/',
      'doc/exhibition/',
      'archive/2023/06/',
      'page/1/',
      'archive/2025/01/1/',
      'place/moskva/1/',
      'author/pyotr-ivanov/',
      'directory/',
      'rss.xml',
      'feed.json',
      'atom.xml',
    ]) {
      expect(seen).toContain(`/news/${path}`);
    }
  });
});
