// The one test command: format, lint, types, then unit and browser tests and the validators.
// Installs Debian's chromium, default-jre-headless, libxml2-utils and libreoffice-help-ru when
// missing and this machine can (root with apt-get).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

function run(command, args, env = {}) {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

// What the browser tests and validators need from Debian: how to find each, and its package.
const systemTools = [
  { name: 'Chromium', found: () => Boolean(findChromium()), debian: 'chromium' },
  { name: 'Java (for the W3C Nu HTML Checker)', found: () => onPath('java'), debian: 'default-jre-headless' },
  { name: 'xmllint (feeds and sitemaps)', found: () => onPath('xmllint'), debian: 'libxml2-utils' },
  {
    name: "LibreOffice's Russian help (real text for word forms)",
    found: () => existsSync('/usr/share/libreoffice/help/ru/text'),
    debian: 'libreoffice-help-ru',
  },
];

// Finds Chromium, Java and xmllint; installs the missing ones with apt-get when root, else says how.
function ensureSystemTools() {
  const missing = systemTools.filter((tool) => !tool.found());
  if (missing.length === 0) return findChromium();
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const packages = missing.map((tool) => tool.debian).join(' ');
  if (!canInstall) {
    const names = missing.map((tool) => tool.name).join(', ');
    console.error(
      `Not found: ${names}. Install with: sudo apt-get install -y ${packages} (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
  // Debian's JRE packages fail to configure where the man page folder is missing (slim images).
  mkdirSync('/usr/share/man/man1', { recursive: true });
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages.split(' ')], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
  return findChromium();
}

const env = { ASTRO_TELEMETRY_DISABLED: '1' };
run('prettier', ['--check', '--log-level', 'warn', '.']);
run('eslint', ['--max-warnings', '0', '.']);
run('astro', ['check', '--minimumSeverity', 'warning'], env);
const chromium = ensureSystemTools();
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
