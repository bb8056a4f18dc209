import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { syntheticCorpus } from './corpus.ts';
import { addedDocument, distDelta, snapshotDist } from './deploy-delta.ts';
import { distStats } from './dist-stats.ts';
import { writeHugoSite } from './hugo-site.ts';
import { measureSearch, OUR_SEARCH, PAGEFIND_DEFAULT_UI, type SearchFigures, type SearchSite } from './measure-search.ts';
import { saveWholeArchive } from './reader-update.ts';
import { qualityLines, searchQuality } from './search-quality.ts';
import { rebuildCases } from './rebuilds.ts';
import { runCommand, type CommandRun } from './run-command.ts';
import { variantConfig, variants } from './variants.ts';

const GENERATOR_VERSION = '2';
const HUGO_SITE_VERSION = '3';
const ROOT = resolve('bench');
const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const PAGEFIND = resolve('node_modules/pagefind/lib/runner/bin.cjs');
const PROGRESS = /documents synced|pages rendered|pages indexed|indexed \d+ pages|build phases|problems|error/iu;

interface Phase {
  name: string;
  start: number;
  end: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const secs = (ms: number): number => Math.round(ms / 100) / 10;

async function writeCorpus(directory: string, docs: number): Promise<void> {
  const stamp = join(directory, '.stamp');
  const wanted = `${GENERATOR_VERSION} ${docs}`;
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === wanted) return;
  await rm(directory, { recursive: true, force: true });
  for (const seed of syntheticCorpus(docs)) {
    const path = join(directory, 'seeds', seed.path);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, seed.text);
  }
  await writeFile(stamp, wanted);
}

// Each phase's wall time and the largest process-tree RSS sampled while it ran.
function phaseFigures(run: CommandRun, phases: Phase[]): Record<string, { seconds: number; peakRssMb: number; cpuSeconds?: number }> {
  const out: Record<string, { seconds: number; peakRssMb: number; cpuSeconds?: number }> = {};
  for (const phase of phases) {
    const inside = run.samples.filter((sample) => sample.at >= phase.start && sample.at <= phase.end);
    out[phase.name] = { seconds: secs(phase.end - phase.start), peakRssMb: mb(Math.max(0, ...inside.map((s) => s.rss))) };
  }
  out['total'] = { seconds: run.seconds, peakRssMb: mb(run.peakRss), cpuSeconds: Math.max(run.cpuSeconds ?? 0, run.sampledCpuSeconds ?? 0) };
  return out;
}

// A stopped build writes no phases file: bound the phases by the lines that announce them.
function phasesFromLog(run: CommandRun): Phase[] {
  const seen = run.lineTimes;
  const at = (pattern: RegExp): number | undefined => seen.find((line) => pattern.test(line.text))?.at;
  const synced = at(/\[content\] Synced content/u) ?? run.end;
  const generating = at(/generating static routes/u) ?? run.end;
  // Astro prints "Completed in" after the sync too; the one that ends rendering comes after routes.
  const rendered = seen.find((line) => line.at >= generating && /Completed in/u.test(line.text))?.at ?? run.end;
  const bounds = [run.start, synced, Math.max(synced, generating), Math.max(synced, generating, rendered), run.end];
  return ['sync', 'bundle', 'render', 'search']
    .map((name, index) => ({ name, start: bounds[index] as number, end: bounds[index + 1] as number }))
    .filter((phase) => phase.end > phase.start);
}

async function astroBuild(
  label: string,
  options: { seeds: string; cache: string; dist: string; maxRss: number; config?: string },
) {
  const phasesFile = join(ROOT, `phases-${label}.json`);
  const reportFile = join(ROOT, `build-report-${label}.json`);
  await rm(phasesFile, { force: true });
  await rm(reportFile, { force: true });
  const args = [ASTRO, 'build', '--outDir', options.dist, ...(options.config ? ['--config', relative(process.cwd(), options.config)] : [])];
  console.log(`▶ astro build (${label})`);
  const run = await runCommand(process.execPath, args, {
    log: join(ROOT, `build-${label}.log`),
    maxRss: options.maxRss,
    env: {
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: options.seeds,
      ASTRO_CACHE_DIR: options.cache,
      BUILD_PHASES_FILE: phasesFile,
      INGEST_REPORT: join(ROOT, `ingest-${label}.json`),
      BUILD_REPORT: reportFile,
    },
    onLine: (line) => {
      if (PROGRESS.test(line)) console.log(`  ${line.trim()}`);
    },
  });
  const stopped = run.killedAtRss !== undefined;
  if (run.status !== 0 && !stopped) throw new Error(`astro build failed (${run.status}); see bench/build-${label}.log`);
  if (stopped) console.log(`  stopped: memory reached ${mb(run.killedAtRss ?? 0)} MB, over --max-rss-gb`);
  const phases: Phase[] = existsSync(phasesFile)
    ? JSON.parse(await readFile(phasesFile, 'utf8'))
    : phasesFromLog(run);
  const figures = phaseFigures(run, phases.filter((phase) => phase.name !== 'total'));
  // What the build parsed, rendered and reused, from its own report.
  const report = existsSync(reportFile) ? JSON.parse(await readFile(reportFile, 'utf8')) : undefined;
  const work = report && { sync: report.sync, pages: report.pages };
  return { run, phases: figures, work, peakProcess: run.peakProcess, stoppedAtRssMb: stopped ? mb(run.killedAtRss ?? 0) : undefined };
}

async function hugoBuild(site: string, label: string) {
  const runs: CommandRun[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await rm(join(site, 'public'), { recursive: true, force: true });
    const run = await runCommand('hugo', ['--quiet', '--source', site, '--destination', 'public'], { log: join(ROOT, `hugo-${label}.log`) });
    if (run.status !== 0) throw new Error(`hugo failed; see bench/hugo-${label}.log`);
    runs.push(run);
  }
  const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  return {
    seconds: best.seconds,
    runs: runs.map((run) => run.seconds),
    cpuSeconds: Math.min(...runs.map((run) => Math.max(run.cpuSeconds ?? 0, run.sampledCpuSeconds ?? 0))),
    peakRssMb: mb(best.peakRss),
    dist: await distStats(join(site, 'public')),
  };
}

// The peer's search index: Pagefind's CLI over Hugo's output, as its documentation sets it up.
async function pagefindOverHugo(site: string, label: string) {
  const run = await runCommand(process.execPath, [PAGEFIND, '--site', join(site, 'public')], { log: join(ROOT, `pagefind-hugo-${label}.log`) });
  if (run.status !== 0) throw new Error(`pagefind over hugo failed; see bench/pagefind-hugo-${label}.log`);
  return { seconds: run.seconds, peakRssMb: mb(run.peakRss) };
}

async function search(dist: string, site: SearchSite, inPlacePath?: string): Promise<SearchFigures | { error: string }> {
  const handler = sirv(dist, { dev: true, etag: true });
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    return await measureSearch(`http://127.0.0.1:${port}`, site, ['переговоры', 'кремль'], inPlacePath);
  } catch (error) {
    return { error: String(error) };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

const share = (ours: number, peer: number): number => Math.round((ours / peer) * 100) / 100;

// Ours against the peer, query by query: below 1 is lighter or faster.
function searchRatios(ours: SearchFigures | { error: string } | undefined, peer: SearchFigures | { error: string } | undefined) {
  if (!ours || !peer || 'error' in ours || 'error' in peer) return undefined;
  return {
    firstBytes: share(ours.first.bytes, peer.first.bytes),
    firstRequests: share(ours.first.requests, peer.first.requests),
    firstMs: share(ours.first.ms, peer.first.ms),
    secondBytes: share(ours.second.bytes, peer.second.bytes),
    secondMs: share(ours.second.ms, peer.second.ms),
    msAfterLastKey: share(ours.msAfterLastKey, peer.msAfterLastKey),
    returnVisitBytes: share(ours.returnVisit.bytes, Math.max(1, peer.returnVisit.bytes)),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;

function searchLine(name: string, figures: SearchFigures | { error: string } | undefined): string {
  if (!figures) return '';
  if ('error' in figures) return `\n  search (${name}): ${figures.error}`;
  const { first, second, returnVisit, msAfterLastKey, inPlace } = figures;
  const place = inPlace ? `; in place ${kb(inPlace.bytes)}, ${inPlace.requests} requests` : '';
  return `\n  search (${name}): first ${kb(first.bytes)} in ${first.requests} requests, ${first.ms} ms; second ${kb(second.bytes)}, ${second.requests} requests, first result ${msAfterLastKey} ms after the last key; return visit ${kb(returnVisit.bytes)}${place}`;
}


type BuildOptions = Parameters<typeof astroBuild>[1];

// A deploy that adds one document dated after all others: the files of dist/ it changes, and what a
// reader who saved the whole archive downloads afterwards, counted at the server.
async function deployDelta(label: string, docs: number, options: BuildOptions) {
  const before = await snapshotDist(options.dist);
  console.log("▶ a reader saves the whole archive (Chromium, the site's service worker)");
  const reader = await saveWholeArchive(options.dist);
  console.log(`  ${reader.mode}: saved in ${reader.saved.seconds} s, ${reader.saved.requests} requests`);
  const seed = addedDocument(docs);
  const path = join(options.seeds, seed.path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, seed.text);
  try {
    const rebuild = await astroBuild(`${label}-add`, options);
    const after = await snapshotDist(options.dist);
    const dist = distDelta(before, after);
    const { build } = JSON.parse(await readFile(join(options.dist, 'offline/build.json'), 'utf8')) as { build: string };
    console.log("▶ the reader's worker updates to the new deploy");
    const update = await reader.update(after, build);
    console.log(`  dist: ${dist.added + dist.changed} files changed, ${(dist.gzipBytes / 1e6).toFixed(2)} MB gzip; reader: ${update.requests} requests, ${(update.gzipBytes / 1e6).toFixed(2)} MB gzip`);
    return { rebuild: { phases: rebuild.phases }, dist, reader: { mode: reader.mode, saved: reader.saved, ...update } };
  } finally {
    await reader.close();
    await rm(path);
  }
}

/** Runs the benchmark: corpus, our build (cold, then rebuilds), Hugo, search against the peer, deploy delta. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: 'string', default: '1000' },
      variant: { type: 'string', default: 'current' },
      'no-hugo': { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'no-deploy': { type: 'boolean', default: false },
      'no-quality': { type: 'boolean', default: false },
      'max-rss-gb': { type: 'string', default: '16' },
    },
  });
  const docs = Number(values.docs);
  const variant = variants[values.variant];
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs must be a positive integer');
  if (!variant) throw new Error(`unknown --variant; one of ${Object.keys(variants).join(', ')}`);
  const label = `${docs}-${values.variant}`;
  await mkdir(ROOT, { recursive: true });
  const corpus = join(ROOT, `corpus-${docs}`);
  console.log(`▶ corpus of ${docs.toLocaleString('en')} documents in ${corpus}`);
  await writeCorpus(corpus, docs);
  const seeds = join(corpus, 'seeds');
  let config: string | undefined;
  if (values.variant !== 'current') {
    config = join(ROOT, `astro.config.${values.variant}.mjs`);
    await writeFile(config, variantConfig(variant));
  }
  const cache = join(ROOT, `cache-${label}`);
  const dist = join(ROOT, `dist-${label}`);
  await rm(cache, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });

  let hugo;
  if (!values['no-hugo']) {
    console.log('▶ hugo (same corpus, minimal site)');
    const stamp = join(ROOT, `hugo-${docs}.stamp`);
    const wanted = `${GENERATOR_VERSION} ${HUGO_SITE_VERSION} ${docs}`;
    if (!existsSync(stamp) || (await readFile(stamp, 'utf8')) !== wanted) {
      await writeHugoSite(join(ROOT, `hugo-${docs}`), syntheticCorpus(docs));
      await writeFile(stamp, wanted);
    }
    hugo = await hugoBuild(join(ROOT, `hugo-${docs}`), String(docs));
    console.log(`  hugo ${hugo.seconds} s (runs ${hugo.runs.join(', ')} s), ${hugo.peakRssMb} MB`);
    if (!values['no-search']) {
      hugo = { ...hugo, pagefind: await pagefindOverHugo(join(ROOT, `hugo-${docs}`), String(docs)) };
      console.log(`  pagefind over hugo ${hugo.pagefind.seconds} s, ${hugo.pagefind.peakRssMb} MB`);
    }
  }

  const maxRss = Number(values['max-rss-gb']) * 2 ** 30;
  const full = await astroBuild(label, { seeds, cache, dist, maxRss, ...(config ? { config } : {}) });
  const stats = existsSync(dist) ? await distStats(dist) : undefined;

  const rebuilds: Record<string, Awaited<ReturnType<typeof astroBuild>>> = {};
  if (!values['no-rebuild'] && full.stoppedAtRssMb === undefined) {
    // Each rebuild starts from the one before, as deploys follow each other; the seeds are restored after.
    const undo: (() => Promise<void>)[] = [];
    try {
      const options = { seeds, cache, dist, maxRss, ...(config ? { config } : {}) };
      for (const rebuildCase of rebuildCases(docs)) {
        // Best of two, as Hugo's figure is: the change is made, built, undone and built, then made
        // and built again, so both measured builds start from the same state.
        const first = await rebuildCase.apply(seeds);
        const once = await astroBuild(`${label}-${rebuildCase.name}`, options);
        await first();
        if (rebuildCase.name !== 'no-change') await astroBuild(`${label}-${rebuildCase.name}-undone`, options);
        undo.unshift(await rebuildCase.apply(seeds));
        const twice = await astroBuild(`${label}-${rebuildCase.name}`, options);
        rebuilds[rebuildCase.name] = once.run.seconds < twice.run.seconds ? once : twice;
        console.log(`  rebuild ${rebuildCase.name}: ${once.run.seconds} s, ${twice.run.seconds} s`);
      }
    } finally {
      for (const step of undo) await step();
    }
  }
  const rebuild = rebuilds['change-one'];
  const hugoSeconds: number | undefined = hugo?.seconds;
  const toHugo = (seconds: number): number | undefined =>
    hugoSeconds === undefined ? undefined : Math.round((seconds / hugoSeconds) * 10) / 10;

  const searchable = !values['no-search'] && full.stoppedAtRssMb === undefined;
  const firstDocument = searchable ? (await readdir(join(dist, 'doc')))[0] : undefined;
  const searchFigures = searchable ? await search(dist, OUR_SEARCH, firstDocument && `/doc/${firstDocument}/`) : undefined;
  const peerSearch = searchable && hugo ? await search(join(ROOT, `hugo-${docs}`, 'public'), PAGEFIND_DEFAULT_UI) : undefined;
  const buildOptions = { seeds, cache, dist, maxRss, ...(config ? { config } : {}) };
  let deploy;
  if (!values['no-deploy'] && full.stoppedAtRssMb === undefined) {
    // The rebuilds left dist/ and the cache at their last case; the deploy starts from the archive
    // as the corpus has it, deployed and settled, as a real one-document deploy does.
    if (Object.keys(rebuilds).length > 0) await astroBuild(`${label}-deployed`, buildOptions);
    deploy = await deployDelta(label, docs, buildOptions);
  }
  // Word forms, typos and phrases are measured on real text, the same whatever --docs says.
  const quality = values['no-quality'] ? undefined : await searchQuality(join(ROOT, 'real-help'), (line) => console.log(line));
  const result = {
    docs,
    variant: values.variant,
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, memGb: Math.round((await import('node:os')).totalmem() / 2 ** 30), node: process.version },
    build: {
      phases: full.phases,
      work: full.work,
      peakProcess: { name: full.peakProcess.name, mb: mb(full.peakProcess.hwm) },
      stoppedAtRssMb: full.stoppedAtRssMb,
    },
    rebuild: rebuild && { phases: rebuild.phases, peakProcess: { name: rebuild.peakProcess.name, mb: mb(rebuild.peakProcess.hwm) } },
    rebuilds: Object.fromEntries(
      Object.entries(rebuilds).map(([name, run]) => [
        name,
        { phases: run.phases, work: run.work, ratio: toHugo(run.run.seconds) },
      ]),
    ),
    dist: stats,
    hugo,
    ratios: hugo && {
      build: Math.round((full.run.seconds / hugo.seconds) * 10) / 10,
      rebuild: rebuild && Math.round((rebuild.run.seconds / hugo.seconds) * 10) / 10,
      buildCpu: Math.round(((full.phases['total']?.cpuSeconds ?? 0) / hugo.cpuSeconds) * 10) / 10,
      rebuildCpu: rebuild && Math.round(((rebuild.phases['total']?.cpuSeconds ?? 0) / hugo.cpuSeconds) * 10) / 10,
      search: searchRatios(searchFigures, peerSearch),
    },
    search: searchFigures,
    peerSearch,
    deploy,
    quality,
  };
  const file = join(ROOT, `results-${label}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  const ratio = result.ratios
    ? `; ${result.ratios.build}× Hugo, rebuild ${result.ratios.rebuild ?? '-'}× Hugo (CPU time ${result.ratios.buildCpu ?? '-'}×, ${result.ratios.rebuildCpu ?? '-'}×)`
    : '';
  console.log(
    `\n${docs} docs (${values.variant}): build ${full.run.seconds} s, peak ${mb(full.run.peakRss)} MB${ratio} → ${file}` +
      searchLine('ours', searchFigures) +
      searchLine(PAGEFIND_DEFAULT_UI.name, peerSearch),
  );
  for (const [name, run] of Object.entries(rebuilds)) {
    const pages = run.work?.pages;
    const rendered = pages ? `, ${pages.rendered} pages rendered, ${pages.reused} reused` : '';
    const times = hugoSeconds === undefined ? '' : `, ${toHugo(run.run.seconds)}× Hugo`;
    console.log(`  rebuild ${name}: ${run.run.seconds} s${times}${rendered}`);
  }
  for (const line of quality ? qualityLines(quality) : []) console.log(line);
}
