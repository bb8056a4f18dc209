import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    readingUrl: string;
    readingDir: string;
  }
}

/** The reading fixture's public address: deployed under a sub-path, as on GitHub Pages. */
export const READING_SITE = 'https://example.org/news/';

/** Builds the reading fixture under the base path `/news/` and serves it there. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = buildFixtureSite('reading', 'tests/fixtures/reading', {
    PAGE_SIZE: '2',
    BASE_PATH: '/news/',
    SITE_URL: READING_SITE,
  });
  if (site.status !== 0) throw new Error(`reading fixture build failed:\n${site.output}`);
  // The server's root holds `news/` → the built site, so every URL carries the base path.
  const root = join(dirname(site.outDir), 'root');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  symlinkSync(site.outDir, join(root, 'news'), 'dir');
  const server = await serveStatic(root);
  project.provide('readingUrl', `${server.url}/news`);
  project.provide('readingDir', site.outDir);
  return () => server.close();
}
