import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { OfflineServer } from './offline-server.ts';

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
 * Whether a new worker is installing or waiting to take over, or the worker in control has not yet
 * finished activating. Read from the registration only: no request reaches a worker.
 */
function updatePending(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const controller = navigator.serviceWorker.controller;
    return (
      !registration ||
      registration.installing !== null ||
      registration.waiting !== null ||
      registration.active !== controller ||
      controller?.state !== 'activated'
    );
  });
}

/**
 * Waits until the worker in control serves the given build. An install that failed (a request lost on
 * the way) is tried again, as a browser does at the reader's next visit.
 *
 * While a new worker installs or waits, only the registration is read. The browser swaps a waiting
 * worker in once the previous one has stopped, and asks that one to stop only once: a request from the
 * page that reaches it while it stops starts it again, and the swap then waits, under DevTools (which
 * drives these tests and keeps a running worker alive), until the next navigation or five minutes.
 */
export async function waitForBuild(page: Page, base: string, build: string, timeout = 60_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen: string | null = null;
  while (Date.now() < until) {
    if (!(await updatePending(page))) {
      seen = await controllingBuild(page, base);
      if (seen === build) return;
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        if (!registration.installing && !registration.waiting)
          await registration.update().catch(() => undefined);
      });
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return `installing ${registration?.installing?.state}, waiting ${registration?.waiting?.state}, controller ${navigator.serviceWorker.controller?.state}`;
  });
  throw new Error(`the worker in control serves build ${seen}, not ${build} (${state})`);
}

/** A deploy the reader's worker has not taken yet: the build it replaced and the output paths it changed. */
export interface HeldDeploy {
  previous: string;
  changed: Set<string>;
}

/**
 * Deploys a new build into the served folder while the host refuses the new worker, so the previous
 * one stays in control until `takeDeploy`. `build` writes the new build.
 */
export function holdBackDeploy(server: OfflineServer, directory: string, build: () => void): HeldDeploy {
  const previous = buildOf(directory);
  const before = snapshot(directory);
  server.refuse(/\/sw\.js$/u);
  build();
  return { previous, changed: changedFiles(before, snapshot(directory)) };
}

/**
 * Lets the reader's worker update to the deployed build and returns the output paths it fetched
 * meanwhile, after checking that each is one the deploy changed.
 */
export async function takeDeploy(
  page: Page,
  server: OfflineServer,
  directory: string,
  deploy: HeldDeploy,
  timeout?: number,
): Promise<string[]> {
  server.refuse(null);
  const mark = server.requests.length;
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  await waitForBuild(page, '/', buildOf(directory), timeout);
  const fetched = server.requests.slice(mark).map((request) => servedFile(request, '/'));
  const unchanged = fetched.filter((path) => path !== 'sw.js' && !deploy.changed.has(path));
  if (unchanged.length > 0)
    throw new Error(`the worker fetched files the deploy did not change: ${unchanged.join(', ')}`);
  return fetched;
}
