// The one test command: format, lint, types, then unit and browser tests. Installs Debian's
// chromium when no browser is found and this machine can (root with apt-get).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

function run(command, args, env = {}) {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('No Chromium found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
  return findChromium();
}

const env = { ASTRO_TELEMETRY_DISABLED: '1' };
run('prettier', ['--check', '--log-level', 'warn', '.']);
run('eslint', ['--max-warnings', '0', '.']);
run('astro', ['check', '--minimumSeverity', 'warning'], env);
const chromium = ensureChromium();
const results = 'tests/.output/vitest.json';
rmSync(results, { force: true });
const vitest = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, ...env, CHROMIUM_PATH: chromium } },
);
if (existsSync(results)) {
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed`);
}
process.exit(vitest.status ?? 1);
