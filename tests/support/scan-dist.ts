import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// Attributes whose value is only ever shown or stored as text, never run or followed.
const TEXT_ATTRIBUTES = /^(?:content|alt|title|aria-[a-z]+|value|placeholder|label|datetime|data-[\w-]+)$/u;
// Elements of a feed whose text a reader renders as HTML.
const HTML_IN_FEED = /^(?:description|content:encoded|summary|content|subtitle)$/u;
const JSON_SCRIPT = /^application\/(?:ld\+)?json$/u;

const isElement = (node: Node): node is Element => 'tagName' in node;
const textOf = (node: Element): string =>
  node.childNodes
    .map((child) => ('value' in child && child.nodeName === '#text' ? child.value : ''))
    .join('');

/** Finds every place where text carrying `marker` became markup in an HTML document or fragment. */
export function unsafeInHtml(root: Node, marker: string): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (isElement(node)) {
      // A refresh meta tag turns its `content` into a URL to follow.
      const refresh = node.attrs.some((attr) => attr.name === 'http-equiv' && /refresh/iu.test(attr.value));
      for (const { name, value } of node.attrs) {
        if (value.includes(marker) && (refresh || !TEXT_ATTRIBUTES.test(name))) {
          found.push(`<${node.tagName} ${name}="${value}">`);
        }
      }
      if (node.tagName === 'script' || node.tagName === 'style') {
        const text = textOf(node);
        const type = node.attrs.find((attr) => attr.name === 'type')?.value ?? '';
        if (text.includes(marker) && !(JSON_SCRIPT.test(type) && parsesAsJson(text))) {
          found.push(`<${node.tagName}>${text.slice(0, 80)}`);
        }
      }
    }
    if ('content' in node && node.nodeName === 'template') walk(node.content as Node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const decodeXml = (text: string): string =>
  text.replace(/&(?:#x([\da-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/giu, (_, hex, dec, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as string] ?? '';
  });

/** Finds document text that a feed reader would render as markup. */
// In a feed, CDATA and the HTML-bearing elements are parsed again as HTML, as a reader would;
// every attribute of the feed itself must keep document text out of URLs.
export function unsafeInFeed(xml: string, marker: string): string[] {
  const found: string[] = [];
  const check = (html: string) => found.push(...unsafeInHtml(parseFragment(html), marker));
  const outside = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/gu, (_, data: string) => {
    if (data.includes(marker)) check(data);
    return '';
  });
  for (const match of outside.matchAll(/<([\w:]+)\b([^>]*)>([^<]*)<\/\1>/gu)) {
    const [, name = '', attributes = '', inner = ''] = match;
    if (
      inner.includes(marker) &&
      (HTML_IN_FEED.test(name) || /type\s*=\s*["'][^"']*html/u.test(attributes))
    ) {
      check(decodeXml(inner));
    }
  }
  for (const [tag = ''] of outside.matchAll(/<[\w:]+\b[^>]*>/gu)) {
    for (const [, name = '', double, single] of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
      if (decodeXml(double ?? single ?? '').includes(marker) && !TEXT_ATTRIBUTES.test(name))
        found.push(`${tag.slice(0, 80)}`);
    }
  }
  return found;
}

async function* filesBelow(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) yield join(entry.parentPath, entry.name);
  }
}

/** Scans every file of a built site for document text that became markup or script. */
export async function scanDist(
  directory: string,
  marker: string,
): Promise<{ files: number; withMarker: number; unsafe: string[] }> {
  const unsafe: string[] = [];
  let files = 0;
  let withMarker = 0;
  for await (const path of filesBelow(directory)) {
    const name = relative(directory, path);
    const extension = extname(path).toLowerCase();
    if (!['.html', '.htm', '.xml', '.rss', '.atom', '.svg', '.js', '.mjs', '.css'].includes(extension))
      continue;
    files += 1;
    const text = await readFile(path, 'utf8');
    if (!text.includes(marker)) continue;
    withMarker += 1;
    if (extension === '.html' || extension === '.htm') {
      unsafe.push(...unsafeInHtml(parse(text), marker).map((hit) => `${name}: ${hit}`));
    } else if (extension === '.js' || extension === '.mjs' || extension === '.css') {
      unsafe.push(`${name}: document text inside a script or style sheet`);
    } else {
      unsafe.push(...unsafeInFeed(text, marker).map((hit) => `${name}: ${hit}`));
    }
  }
  return { files, withMarker, unsafe };
}
