import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import sirv from 'sirv';
const handler = sirv(process.argv[2], { dev: true, etag: true });
const server = createServer((q, r) => handler(q, r)).listen(0, '127.0.0.1');
await new Promise(r => server.on('listening', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const HOOK = `self.events = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  const made = await instantiate.apply(WebAssembly, args);
  const exports = { ...made.instance.exports };
  for (const name of ['search', 'load_index_chunk', 'init_pagefind', 'request_indexes']) {
    const real = made.instance.exports[name];
    exports[name] = (...call) => { const t = performance.timeOrigin + performance.now(); const out = real(...call); self.events.push([name, t, performance.timeOrigin + performance.now()]); return out; };
  }
  return { instance: { exports }, module: made.module };
};`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ serviceWorkers: 'block' });
await context.route('**/pagefind-worker.js', async (route) => { const response = await route.fetch(); await route.fulfill({ response, body: HOOK + '\n' + await response.text() }); });
const page = await context.newPage();
const reqs = [];
page.on('requestfinished', (r) => reqs.push([r.url().replace(url, '').slice(0, 60), Date.now()]));
const t0 = Date.now();
await page.goto(url + 'search/?q=' + encodeURIComponent('переговоры'));
await page.waitForSelector('main [data-search-result]', { timeout: 60000 });
const tFirst = Date.now();
await page.waitForTimeout(3000);
const box = page.locator('main input[type="search"]');
await box.fill('');
await page.waitForTimeout(500);
const mark = reqs.length;
const before = await Promise.all(page.workers().map((w) => w.evaluate(() => self.events.length)));
await box.pressSequentially('кремль', { delay: 150 });
const tKey = Date.now();
await page.waitForFunction(() => document.querySelector('main .results')?.dataset.query === 'кремль' && document.querySelector('main [data-search-result]'), null, { timeout: 60000 });
const tShown = Date.now();
const events = (await Promise.all(page.workers().map((w, i) => w.evaluate((from) => self.events.slice(from), before[i])))).flat();
console.log('first result', tFirst - t0, 'ms; typed: shown', tShown - tKey, 'ms after last key');
const agg = {};
for (const [name, a, b] of events) { const k = name; agg[k] ??= { n: 0, ms: 0, firstStart: Infinity, lastEnd: 0 }; agg[k].n++; agg[k].ms += b - a; agg[k].firstStart = Math.min(agg[k].firstStart, a - tKey); agg[k].lastEnd = Math.max(agg[k].lastEnd, b - tKey); }
for (const [k, v] of Object.entries(agg)) console.log(k, v.n, 'calls', Math.round(v.ms), 'ms busy, from', Math.round(v.firstStart), 'to', Math.round(v.lastEnd), 'ms after last key');
const after = reqs.slice(mark).map(([u, t]) => [u, t - tKey]);
console.log('requests after typing began:', after.length, 'last at', Math.max(...after.map(([, t]) => t)), 'ms after last key');
console.log(after.filter(([, t]) => t > 0).map(([u, t]) => `${t} ${u}`).join('\n'));
await browser.close(); server.close();
