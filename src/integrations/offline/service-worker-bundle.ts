import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WorkerConfig } from '../../lib/offline/caches.ts';

const source = fileURLToPath(new URL('../../browser/service-worker/offline-worker.ts', import.meta.url));

/** Bundles the service worker (Workbox and the site's offline logic) with this build's facts and precache list. */
export async function bundleWorker(config: WorkerConfig): Promise<string> {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: {
      ARCHIVE_WORKER: JSON.stringify(config),
      // Workbox leaves its development logging out of production bundles.
      'process.env.NODE_ENV': '"production"',
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('offline: the service worker bundle is empty');
  return output.text;
}
