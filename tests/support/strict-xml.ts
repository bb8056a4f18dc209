import { SaxesParser } from 'saxes';

/** The text of every element of a well-formed XML document, by element name; throws on the first XML error. */
export function strictXml(text: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const texts = new Map<string, string[]>();
  const open: { name: string; text: string }[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => open.push({ name: tag.name, text: '' }));
  const add = (chunk: string) => {
    for (const element of open) element.text += chunk;
  };
  parser.on('text', add);
  parser.on('cdata', add);
  parser.on('closetag', () => {
    const element = open.pop();
    if (element) texts.set(element.name, [...(texts.get(element.name) ?? []), element.text]);
  });
  parser.write(text).close();
  if (failure) throw failure;
  return texts;
}
