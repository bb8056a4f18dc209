import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';

function tool(command: string, packageName: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    throw new Error(`${command} not found: install it (apt-get install -y ${packageName}); npm test does`);
  return found;
}

/** Every error the W3C Nu HTML Checker finds in the HTML files below the folders, in one JVM run. */
export function nuHtmlErrors(folders: readonly string[]): string[] {
  const java = tool('java', 'default-jre-headless');
  if (!existsSync(VNU)) throw new Error(`${VNU} is missing: run npm ci`);
  const args = ['-jar', VNU, '--skip-non-html', '--errors-only', '--format', 'json', '--stdout', ...folders];
  const run = spawnSync(java, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || !run.stdout.trim().startsWith('{')) throw new Error(`vnu failed: ${run.stderr}`);
  // The checker exits non-zero when it found errors; the JSON lists them.
  const report = JSON.parse(run.stdout) as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  return report.messages.map(
    (message) => `${message.url ?? ''}:${message.lastLine ?? 0}: ${message.type}: ${message.message}`,
  );
}

/** What xmllint says about a file: nothing when it is well-formed XML (and valid against `schema`). */
export function xmllintErrors(file: string, schema?: string): string {
  const xmllint = tool('xmllint', 'libxml2-utils');
  const args = ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file];
  const run = spawnSync(xmllint, args, { encoding: 'utf8' });
  return run.status === 0 ? '' : `${run.stderr}${run.stdout}`.trim();
}

const absolute = z.url();
const author = z.object({ name: z.string().min(1).optional(), url: absolute.optional() });

/** JSON Feed 1.1 (jsonfeed.org/version/1.1): required fields and the types of the ones the site writes. */
export const jsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: absolute.optional(),
  feed_url: absolute.optional(),
  description: z.string().optional(),
  language: z.string().min(2).optional(),
  authors: z.array(author).optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: absolute.optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        date_published: z.iso.datetime({ offset: true }).optional(),
        date_modified: z.iso.datetime({ offset: true }).optional(),
        authors: z.array(author).optional(),
        tags: z.array(z.string()).optional(),
        language: z.string().optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
        message: 'an item needs content_html or content_text',
      }),
  ),
});

async function* filesBelow(directory: string, extension: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) yield join(entry.parentPath, entry.name);
  }
}

/** Links and sources of every page that point inside the site at a file it does not have. */
export async function brokenLinks(directory: string, base = '/'): Promise<string[]> {
  const broken: string[] = [];
  const origin = 'http://site.invalid';
  for await (const file of filesBelow(directory, '.html')) {
    const page = relative(directory, file);
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/u, '')}`, origin);
    const html = await readFile(file, 'utf8');
    for (const [, value = ''] of html.matchAll(/\s(?:href|src|action)="([^"]*)"/gu)) {
      const url = new URL(value.replaceAll('&#38;', '&').replaceAll('&amp;', '&'), pageUrl);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${page}: ${value} (outside ${base})`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = join(directory, path.endsWith('/') || path === '' ? `${path}index.html` : path);
      if (!existsSync(target)) broken.push(`${page}: ${value}`);
    }
  }
  return broken;
}
