import type { BrowserContext, Page } from 'playwright-core';

/** What the header looks like on a page: its height and whether its parts share one row. */
export interface HeaderShape {
  height: number;
  rows: number;
  /** Parts of the offline status that cover one of the header's controls. */
  covering: string[];
}

/** Measures the site header: its height, and how many rows its visible parts take. */
export function headerShape(page: Page): Promise<HeaderShape> {
  return page.evaluate(() => {
    const header = document.querySelector('.site-header');
    const inner = header?.querySelector('.inner');
    if (!header || !inner) throw new Error('no site header');
    // Parts placed out of the row's flow (the offline status) are not part of the row.
    const boxes = [...inner.children]
      .filter((child) => !['absolute', 'fixed'].includes(getComputedStyle(child).position))
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const controls = [...inner.querySelectorAll('a, button, input')]
      .filter((control) => !control.closest('offline-status'))
      .map((control) => control.getBoundingClientRect());
    const covering = [...inner.querySelectorAll('offline-status > *')]
      .filter((part) => {
        const box = part.getBoundingClientRect();
        return controls.some(
          (control) =>
            box.width > 0 &&
            control.width > 0 &&
            box.left < control.right &&
            control.left < box.right &&
            box.top < control.bottom &&
            control.top < box.bottom,
        );
      })
      .map((part) => part.textContent?.trim() ?? '');
    // Parts whose vertical middles lie within 8 px of each other share a row.
    const middles = boxes.map((box) => box.top + box.height / 2).sort((a, b) => a - b);
    const rows = middles.filter((middle, index) => index === 0 || middle - (middles[index - 1] ?? 0) > 8);
    return { height: header.getBoundingClientRect().height, rows: rows.length, covering };
  });
}

/** Pairs of visible elements matching `selector` whose boxes overlap, and any outside `within`. */
export function overlaps(page: Page, selector: string, within: string): Promise<string[]> {
  return page.evaluate(
    ([items, frame]) => {
      const outer = document.querySelector(frame)?.getBoundingClientRect();
      const boxes = [...document.querySelectorAll(items)]
        .map((element) => ({ text: element.textContent ?? '', box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .sort((a, b) => a.box.left - b.box.left);
      const found: string[] = [];
      boxes.forEach(({ text, box }, index) => {
        const next = boxes[index + 1];
        // Half a pixel of tolerance for rounding.
        if (next && next.box.left < box.right - 0.5) found.push(`${text} overlaps ${next.text}`);
        if (outer && (box.left < outer.left - 0.5 || box.right > outer.right + 0.5))
          found.push(`${text} outside`);
      });
      if (boxes.length === 0) found.push('no labels');
      return found;
    },
    [selector, within] as const,
  );
}

/** Starts adding up layout shifts (the Layout Instability API) from the first paint of each page. */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record = window as unknown as { layoutShifts: { value: number; sources: string[] }[] };
    record.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources: { node?: Node | null }[];
      })[]) {
        const sources = entry.sources.map((source) => {
          const node = source.node;
          return node instanceof Element
            ? `${node.tagName.toLowerCase()}.${node.className}`
            : String(node?.nodeName);
        });
        record.layoutShifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts of the current page so far, each with the elements that moved. */
export async function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  // Two frames: a shift is reported after the frame that shows it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(
    () => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts,
  );
}

/** Shows the offline status in every state it has: archive saved, no network, update waiting. */
export async function showEveryStatus(page: Page, context: BrowserContext): Promise<void> {
  await page.locator('offline-status [data-saved]').waitFor({ state: 'visible', timeout: 30_000 });
  await context.setOffline(true);
  await page.locator('offline-status [data-offline]').waitFor({ state: 'visible' });
  // What the status does when the service worker reports a waiting update.
  await page.evaluate(() =>
    document.querySelector('offline-status [data-update]')?.removeAttribute('hidden'),
  );
  await context.setOffline(false);
  await page.locator('offline-status [data-offline]').waitFor({ state: 'hidden' });
}
