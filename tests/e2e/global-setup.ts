import type { TestProject } from 'vitest/node';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
    siteReport: string;
    siteBuildOutput: string;
  }
}

/** Builds the fixture site once and serves it for every end-to-end test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = buildFixtureSite('fixtures', 'tests/fixtures/seeds', { PAGE_SIZE: '3' });
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  const server = await serveStatic(site.outDir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', site.outDir);
  project.provide('siteReport', site.report);
  project.provide('siteBuildOutput', site.output);
  return () => server.close();
}
