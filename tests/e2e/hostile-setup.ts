import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generatedHostileCases } from '../fixtures/hostile-cases.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    hostileUrl: string;
    hostileDir: string;
    hostileReport: string;
    hostileOutput: string;
  }
}

/** Builds the hostile fixture once (committed cases plus generated ones) and serves it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seeds = resolve('tests/.output/hostile-seeds');
  await rm(seeds, { recursive: true, force: true });
  await cp('tests/fixtures/hostile', seeds, { recursive: true });
  for (const { path, bytes } of generatedHostileCases()) {
    await mkdir(dirname(join(seeds, path)), { recursive: true });
    await writeFile(join(seeds, path), bytes);
  }
  const site = buildFixtureSite('hostile', seeds, { STRICT: '' });
  if (site.status !== 0) throw new Error(`hostile fixture build failed:\n${site.output}`);
  const server = await serveStatic(site.outDir);
  project.provide('hostileUrl', server.url);
  project.provide('hostileDir', site.outDir);
  project.provide('hostileReport', site.report);
  project.provide('hostileOutput', site.output);
  return () => server.close();
}
