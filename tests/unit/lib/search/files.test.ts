import { describe, expect, it } from 'vitest';
import { searchFileKind } from '../../../../src/lib/search/files.ts';

describe('the files of a search bundle', () => {
  it('are told apart by their path inside the bundle: runtime, index, fragments and unused interfaces', () => {
    expect(searchFileKind('pagefind-entry.json')).toEqual({ kind: 'runtime', contentNamed: false });
    expect(searchFileKind('pagefind.js')).toEqual({ kind: 'runtime', contentNamed: false });
    expect(searchFileKind('wasm.ru.pagefind')).toEqual({ kind: 'runtime', contentNamed: false });
    expect(searchFileKind('bundles.json')).toEqual({ kind: 'runtime', contentNamed: false });
    expect(searchFileKind('pagefind.ru_1a.pf_meta')).toEqual({ kind: 'runtime', contentNamed: true });
    expect(searchFileKind('filter/ru_9.pf_filter')).toEqual({ kind: 'runtime', contentNamed: true });
    expect(searchFileKind('index/ru_9.pf_index')).toEqual({ kind: 'index', contentNamed: true });
    expect(searchFileKind('fragment/ru_a.pf_pack')).toEqual({ kind: 'fragment', contentNamed: true });
    expect(searchFileKind('pagefind-component-ui.js')).toEqual({ kind: 'unused', contentNamed: false });
    expect(searchFileKind('pagefind-modular-ui.css')).toEqual({ kind: 'unused', contentNamed: false });
    expect(searchFileKind('pagefind.js.map')).toEqual({ kind: 'unused', contentNamed: false });
  });
});
