import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import type { StaticServer } from './static-server.ts';

/** One rule of a `_headers` file: a path pattern and the headers it attaches. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Reads a Netlify / Cloudflare Pages `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/u.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/gu, '\\$&')
        .replace(/\*/gu, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`, 'u'), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers every matching rule attaches to a path, as such a host sends them. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

/** Serves a built site as a host that reads its `_headers` file would (a site without one gets none). */
export async function serveWithHeaders(directory: string): Promise<StaticServer> {
  const file = join(directory, '_headers');
  const rules = existsSync(file) ? parseHeaders(readFileSync(file, 'utf8')) : [];
  const handler = sirv(directory, {
    dev: true,
    etag: true,
    setHeaders: (response, pathname) => {
      for (const [name, value] of headersFor(rules, pathname)) response.setHeader(name, value);
    },
  });
  const server: Server = createServer((request, response) => handler(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
