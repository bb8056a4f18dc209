import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A static server whose network can be cut, so a page can only be answered from its caches. */
export interface OfflineServer {
  /** Origin, without the base path. */
  origin: string;
  /** Address of the site: origin plus base path, ending in `/`. */
  url: string;
  /** While false, every request is dropped as a network failure would. */
  setAvailable(available: boolean): void;
  /** While set, requests whose path matches are answered 503, as a host would while a file is not there. */
  refuse(pattern: RegExp | null): void;
  /** Like `refuse`, for a second set of paths: a host failing on some files while a deploy is held back. */
  fail(pattern: RegExp | null): void;
  /** While set, requests whose path matches are answered from another folder, as a stale cache in front of the host would. */
  serveStale(pattern: RegExp | null, directory?: string): void;
  /** While set, requests whose path matches are taken and never answered, as a host that stalls would; unset, the held ones are dropped. */
  stall(pattern: RegExp | null): void;
  /** Requests answered or held so far, by URL path. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves a built site under a base path on a free loopback port, optionally slowed down per request. */
export async function serveOffline(directory: string, base = '/', delayMs = 0): Promise<OfflineServer> {
  const handler = sirv(directory, { dev: true, etag: true });
  let available = true;
  let refused: RegExp | null = null;
  let failed: RegExp | null = null;
  let stale: { pattern: RegExp; handler: ReturnType<typeof sirv> } | null = null;
  let stalled: RegExp | null = null;
  const held = new Set<ServerResponse>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? url;
    if (!available) {
      request.socket.destroy();
    } else if (!url.startsWith(base) || refused?.test(path) || failed?.test(path)) {
      response.statusCode = url.startsWith(base) ? 503 : 404;
      response.end();
    } else if (stalled?.test(path)) {
      requests.push(path);
      held.add(response);
      response.on('close', () => held.delete(response));
    } else {
      requests.push(path);
      request.url = `/${url.slice(base.length)}`;
      const serve = stale?.pattern.test(path) ? stale.handler : handler;
      setTimeout(() => serve(request, response), delayMs);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    requests,
    setAvailable: (value) => {
      available = value;
    },
    refuse: (pattern) => {
      refused = pattern;
    },
    fail: (pattern) => {
      failed = pattern;
    },
    stall: (pattern) => {
      stalled = pattern;
      if (!pattern) for (const response of held) response.destroy();
    },
    serveStale: (pattern, folder) => {
      stale = pattern && folder ? { pattern, handler: sirv(folder, { dev: true, etag: true }) } : null;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
