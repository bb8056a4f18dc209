import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A running static server and the address it listens on. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built site over HTTP on a free loopback port. */
export async function serveStatic(directory: string): Promise<StaticServer> {
  const handler = sirv(directory, { dev: true, etag: true });
  const server: Server = createServer((request, response) => handler(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
