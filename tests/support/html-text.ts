import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** The text content of every element with a tag name in an HTML page, as a browser reads it. */
export function textsOf(html: string, tagName: string): string[] {
  const texts: string[] = [];
  const text = (node: Node): string =>
    node.nodeName === '#text' && 'value' in node
      ? node.value
      : 'childNodes' in node
        ? node.childNodes.map(text).join('')
        : '';
  const walk = (node: Node): void => {
    if ('tagName' in node && node.tagName === tagName) texts.push(text(node));
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(html));
  return texts;
}
