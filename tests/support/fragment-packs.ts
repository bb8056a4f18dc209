import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fragmentRange, headerBytes } from '../../src/lib/search/fragment-packs.ts';
import type { BundleList } from '../../src/lib/search/bundles.ts';

/** One search fragment of a built site, where it is packed and what it holds. */
export interface PackedFragment {
  /** Position of its bundle in `bundles.json`. */
  bundle: number;
  /** The pack's URL path on the site (`/pagefind/fragment/ru_0a1b2c3d4e.pf_pack`). */
  pack: string;
  /** The `Range` header value a reader sends for it. */
  range: string;
  /** The fragment's data as Pagefind wrote it (`url`, `content`, `meta`, `filters`, …). */
  data: { url: string; content: string } & Record<string, unknown>;
}

/** Every search fragment of a built site, read from the packs its `bundles.json` lists. */
export function packedFragments(outDir: string): PackedFragment[] {
  const list = JSON.parse(readFileSync(join(outDir, 'pagefind/bundles.json'), 'utf8')) as BundleList;
  return list.bundles.flatMap(({ path, packs }, bundle) => {
    if (!packs) throw new Error(`bundle ${path} lists no fragment packs`);
    return Object.values(packs.languages).flatMap((names) =>
      names.flatMap((name) => {
        const pack = `/${path}fragment/${name}.pf_pack`;
        const bytes = new Uint8Array(readFileSync(join(outDir, pack)));
        const header = bytes.subarray(0, headerBytes(packs.pages));
        return Array.from({ length: packs.pages }, (_, slot) => slot).flatMap((slot) => {
          const range = (() => {
            try {
              return fragmentRange(header, slot);
            } catch {
              return undefined;
            }
          })();
          if (!range) return [];
          const text = gunzipSync(bytes.subarray(range.start, range.end))
            .toString('utf8')
            .replace(/^pagefind_dcd/u, '');
          return [
            {
              bundle,
              pack,
              range: `bytes=${range.start}-${range.end - 1}`,
              data: JSON.parse(text) as PackedFragment['data'],
            },
          ];
        });
      }),
    );
  });
}
