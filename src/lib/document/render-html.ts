import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { paragraphsToMdast } from './to-mdast.ts';

/** Makes a renderer from paragraphs to HTML through remark-rehype, with extra rehype plugins. */
export function createRenderer(rehypePlugins: PluggableList = []): (paragraphs: readonly string[]) => string {
  const processor = unified().use(remarkRehype).use(rehypePlugins).use(rehypeStringify).freeze();
  return (paragraphs) => {
    const mdast: Root = paragraphsToMdast(paragraphs);
    const hast = processor.runSync(mdast);
    return processor.stringify(hast);
  };
}
