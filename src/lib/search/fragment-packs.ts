/** Search fragments of consecutive pages kept in one file: one file per this many documents. */
export const PACK_PAGES = 64;

/** Bytes of a pack's header: `pages + 1` offsets (32-bit, big-endian) from the start of the pack. */
export function headerBytes(pages: number): number {
  return 4 * (pages + 1);
}

/**
 * Packs compressed fragments, in page order, into files of `pages` fragments each. A pack is its
 * header, then its fragments as they are; fragment `i` is bytes `offset[i]` to `offset[i + 1]`
 * (the last pack repeats its end offset), so a reader fetches one fragment with two small range
 * requests, the header and the fragment, whichever pack it is in.
 */
export function packFragments(fragments: readonly Uint8Array[], pages = PACK_PAGES): Uint8Array[] {
  const packs: Uint8Array[] = [];
  for (let first = 0; first < fragments.length; first += pages) {
    const members = fragments.slice(first, first + pages);
    const size = headerBytes(pages) + members.reduce((sum, member) => sum + member.length, 0);
    const pack = new Uint8Array(size);
    const view = new DataView(pack.buffer);
    let offset = headerBytes(pages);
    for (let at = 0; at <= pages; at += 1) {
      view.setUint32(4 * at, offset);
      const member = members[at];
      if (member) {
        pack.set(member, offset);
        offset += member.length;
      }
    }
    packs.push(pack);
  }
  return packs;
}

/** Where page `page` (its number in its bundle) is packed: which pack, and which fragment in it. */
export function packPlace(page: number, pages = PACK_PAGES): { pack: number; slot: number } {
  return { pack: Math.floor(page / pages), slot: page % pages };
}

/** The byte range `[start, end)` of fragment `slot` in a pack, from the pack's header. */
export function fragmentRange(header: Uint8Array, slot: number): { start: number; end: number } {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (4 * (slot + 2) > header.byteLength) throw new Error(`pack header has no slot ${slot}`);
  const start = view.getUint32(4 * slot);
  const end = view.getUint32(4 * (slot + 1));
  if (end <= start) throw new Error(`pack holds no fragment at slot ${slot}`);
  return { start, end };
}
