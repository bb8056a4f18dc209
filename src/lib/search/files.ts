/**
 * What a file of a search bundle is: what the search page loads before its first query (`runtime`:
 * entry file, scripts, WebAssembly, metadata, filters), its word index, its fragments (the text of
 * results), or Pagefind's ready-made interfaces, which the site never loads.
 */
export type SearchFileKind = 'runtime' | 'index' | 'fragment' | 'unused';

/** One file the search step wrote into the output folder. */
export interface SearchFile {
  /** Path relative to the output folder (`pagefind-<key>/fragment/ru_a.pf_pack`). */
  path: string;
  kind: SearchFileKind;
  /** Named by its content (index chunks, fragments, filters, metadata): never stale once cached. */
  contentNamed: boolean;
}

const unusedUi = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/u;
const runtime = /^[^/]+\.(?:js|css|json|pagefind)$/u;

/** The kind of a bundle's file from its path inside the bundle, as Pagefind lays a bundle out. */
export function searchFileKind(inner: string): Pick<SearchFile, 'kind' | 'contentNamed'> {
  if (inner.startsWith('fragment/')) return { kind: 'fragment', contentNamed: true };
  if (inner.startsWith('index/')) return { kind: 'index', contentNamed: true };
  if (inner.startsWith('filter/')) return { kind: 'runtime', contentNamed: true };
  if (/^[^/]+\.pf_meta$/u.test(inner)) return { kind: 'runtime', contentNamed: true };
  if (unusedUi.test(inner)) return { kind: 'unused', contentNamed: false };
  if (runtime.test(inner)) return { kind: 'runtime', contentNamed: false };
  return { kind: 'unused', contentNamed: false };
}
