import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Digest of every file of a built site, by output-relative path. */
export function snapshot(directory: string): Map<string, string> {
  const paths = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1));
  return new Map(
    paths.sort().map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(directory, path)))
        .digest('hex'),
    ]),
  );
}

/** Output paths that a deploy added or changed. */
export function changedFiles(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): Set<string> {
  return new Set([...after].filter(([path, digest]) => before.get(path) !== digest).map(([path]) => path));
}

/** The output path a request path under `base` is answered from (`/base/doc/x/` → `doc/x/index.html`). */
export function servedFile(request: string, base: string): string {
  const path = request.slice(base.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The build identity of a built site. */
export function buildOf(directory: string): string {
  return (JSON.parse(readFileSync(join(directory, 'offline/build.json'), 'utf8')) as { build: string }).build;
}

/** The build the worker in control serves (its precached `offline/build.json`) once it has taken over, or null. */
export function controllingBuild(page: Page, base: string): Promise<string | null> {
  return page.evaluate(async (root) => {
    if (navigator.serviceWorker.controller?.state !== 'activated') return null;
    const response = await fetch(`${root}offline/build.json`).catch(() => null);
    return response?.ok ? ((await response.json()) as { build: string }).build : null;
  }, base);
}

/**
 * Waits until the worker in control serves the given build. An install that failed (a request lost on
 * the way) is tried again, as a browser does at the reader's next visit.
 */
export async function waitForBuild(page: Page, base: string, build: string, timeout = 60_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen: string | null = null;
  while (Date.now() < until) {
    seen = await controllingBuild(page, base);
    if (seen === build) return;
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!registration.installing && !registration.waiting)
        await registration.update().catch(() => undefined);
    });
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the worker in control serves build ${seen}, not ${build}`);
}
