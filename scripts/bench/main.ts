import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { syntheticCorpus, syntheticSeed } from './corpus.ts';
import { addedDocument, distDelta, snapshotDist } from './deploy-delta.ts';
import { distStats } from './dist-stats.ts';
import { writeHugoSite } from './hugo-site.ts';
import { measureSearch, type SearchFigures } from './measure-search.ts';
import { saveWholeArchive } from './reader-update.ts';
import { runCommand, type CommandRun } from './run-command.ts';
import { variantConfig, variants } from './variants.ts';

const GENERATOR_VERSION = '2';
const HUGO_SITE_VERSION = '2';
const ROOT = resolve('bench');
const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
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
  await rm(phasesFile, { force: true });
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
  return { run, phases: figures, peakProcess: run.peakProcess, stoppedAtRssMb: stopped ? mb(run.killedAtRss ?? 0) : undefined };
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

async function search(dist: string): Promise<SearchFigures | { error: string }> {
  const handler = sirv(dist, { dev: true, etag: true });
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    return await measureSearch(`http://127.0.0.1:${port}`, dist, ['переговоры', 'кремль']);
  } catch (error) {
    return { error: String(error) };
  } finally {
    await new Promise((done) => server.close(done));
  }
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

/** Runs the benchmark: corpus, our build (cold, then after one changed document), Hugo, search, deploy delta. */
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
  }

  const maxRss = Number(values['max-rss-gb']) * 2 ** 30;
  const full = await astroBuild(label, { seeds, cache, dist, maxRss, ...(config ? { config } : {}) });
  const stats = existsSync(dist) ? await distStats(dist) : undefined;

  let rebuild;
  if (!values['no-rebuild'] && full.stoppedAtRssMb === undefined) {
    const changed = syntheticSeed(Math.floor(docs / 2));
    const path = join(seeds, changed.path);
    await writeFile(path, changed.text.replace('\n\n', '\n\nИзменённый абзац для проверки пересборки.\n\n'));
    try {
      rebuild = await astroBuild(`${label}-rebuild`, { seeds, cache, dist, maxRss, ...(config ? { config } : {}) });
    } finally {
      await writeFile(path, changed.text);
    }
  }

  const searchFigures = values['no-search'] || full.stoppedAtRssMb !== undefined ? undefined : await search(dist);
  const deploy =
    values['no-deploy'] || full.stoppedAtRssMb !== undefined
      ? undefined
      : await deployDelta(label, docs, { seeds, cache, dist, maxRss, ...(config ? { config } : {}) });
  const result = {
    docs,
    variant: values.variant,
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, memGb: Math.round((await import('node:os')).totalmem() / 2 ** 30), node: process.version },
    build: {
      phases: full.phases,
      peakProcess: { name: full.peakProcess.name, mb: mb(full.peakProcess.hwm) },
      stoppedAtRssMb: full.stoppedAtRssMb,
    },
    rebuild: rebuild && { phases: rebuild.phases, peakProcess: { name: rebuild.peakProcess.name, mb: mb(rebuild.peakProcess.hwm) } },
    dist: stats,
    hugo,
    ratios: hugo && {
      build: Math.round((full.run.seconds / hugo.seconds) * 10) / 10,
      rebuild: rebuild && Math.round((rebuild.run.seconds / hugo.seconds) * 10) / 10,
      buildCpu: Math.round(((full.phases['total']?.cpuSeconds ?? 0) / hugo.cpuSeconds) * 10) / 10,
      rebuildCpu: rebuild && Math.round(((rebuild.phases['total']?.cpuSeconds ?? 0) / hugo.cpuSeconds) * 10) / 10,
    },
    search: searchFigures,
    deploy,
  };
  const file = join(ROOT, `results-${label}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  const ratio = result.ratios
    ? `; ${result.ratios.build}× Hugo, rebuild ${result.ratios.rebuild ?? '-'}× Hugo (CPU time ${result.ratios.buildCpu ?? '-'}×, ${result.ratios.rebuildCpu ?? '-'}×)`
    : '';
  console.log(`\n${docs} docs (${values.variant}): build ${full.run.seconds} s, peak ${mb(full.run.peakRss)} MB${ratio} → ${file}`);
}
