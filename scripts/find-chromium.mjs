// Finds a Chromium for the browser tests: $CHROMIUM_PATH, then the system's usual places.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The path of a Chromium executable on this machine, or undefined when there is none. */
export function findChromium() {
  return candidates.find((path) => path && existsSync(path));
}
