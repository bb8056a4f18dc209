// Installs the project's dependencies (and with them Node 24) when they are missing or stale.
// Runs under any Node >= 20, before anything that needs the project's own Node.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale =
  !existsSync('node_modules/.bin/node') ||
  !existsSync(installed) ||
  statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log('Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
