const SIGNATURE = new TextEncoder().encode('version https://git-lfs.github.com/spec/');

/** Whether a seed file's bytes are a Git LFS pointer (a checkout without `git lfs pull`), not a document. */
export function isLfsPointer(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, index) => bytes[index] === byte);
}
