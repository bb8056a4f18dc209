import { describe, expect, it } from 'vitest';
import {
  archivePath,
  directoryPath,
  documentPath,
  documentsRoot,
  listPagePath,
  namePath,
  pagedPath,
  withBase,
} from '../../../../src/lib/site/paths.ts';

describe('paths', () => {
  it('joins a base path with or without a trailing slash', () => {
    expect(withBase('/', 'search/')).toBe('/search/');
    expect(withBase('/archive', '/search/')).toBe('/archive/search/');
    expect(withBase('/archive/', 'search/')).toBe('/archive/search/');
  });

  it('puts documents under /doc/ and the numbered list pages under /page/, from page 1 on', () => {
    expect(documentPath('/', 'a-b')).toBe('/doc/a-b/');
    expect(documentsRoot('/archive')).toBe('/archive/doc/');
    expect(documentPath('/archive', 'a-b').startsWith(documentsRoot('/archive'))).toBe(true);
    expect(listPagePath('/x/', 0)).toBe('/x/');
    expect(listPagePath('/x/', 1)).toBe('/x/page/1/');
    expect(listPagePath('/x/', 3)).toBe('/x/page/3/');
  });
});

describe('paths of browsing pages', () => {
  it('places archives, names and the directory under the base path', () => {
    expect(archivePath('/a/')).toBe('/a/archive/');
    expect(archivePath('/a/', '2025')).toBe('/a/archive/2025/');
    expect(archivePath('/a/', '2025', '03')).toBe('/a/archive/2025/03/');
    expect(archivePath('/a/', '2025', '03', 2)).toBe('/a/archive/2025/03/2/');
    expect(namePath('/', 'place', 'moskva')).toBe('/place/moskva/');
    expect(namePath('/', 'author', 'ivan', 3)).toBe('/author/ivan/3/');
    expect(directoryPath('/a')).toBe('/a/directory/');
    expect(pagedPath('/x/', 0)).toBe('/x/');
    expect(pagedPath('/x/', 1)).toBe('/x/1/');
  });
});
