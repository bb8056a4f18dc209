import { describe, expect, it } from 'vitest';
import { faultLine, isMachineFault } from '../../../../src/lib/build/fs-faults.ts';
import { isLfsPointer } from '../../../../src/lib/seed/lfs-pointer.ts';

describe('failures of the machine', () => {
  it('counts a full disk, denied access, a failing device and too many open files as the machine’s', () => {
    for (const code of ['ENOSPC', 'EACCES', 'EPERM', 'EIO', 'EMFILE', 'ENFILE', 'EDQUOT', 'EROFS'])
      expect(isMachineFault(code)).toBe(true);
  });

  it('leaves a file that is gone or not a file, and unknown codes, to the document', () => {
    for (const code of ['ENOENT', 'EISDIR', 'ENOTDIR', 'ELOOP', 'toString', undefined])
      expect(isMachineFault(code)).toBe(false);
  });

  it('says in one line what could not be done to which file, and why', () => {
    expect(faultLine('write', '/cache/a.html', 'ENOSPC')).toBe(
      'cannot write /cache/a.html: ENOSPC (no space left on the device)',
    );
    expect(faultLine('read', 'seeds/x\n.txt', 'EWHATEVER')).toBe('cannot read seeds/x\\n.txt: EWHATEVER');
  });
});

describe('Git LFS pointers', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('knows a pointer by its first line', () => {
    expect(isLfsPointer(encode('version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 3\n'))).toBe(
      true,
    );
  });

  it('does not take a document, or a shorter text, for one', () => {
    expect(isLfsPointer(encode(' date 2025-01-01 version https://git-lfs.github.com/spec/v1'))).toBe(false);
    expect(isLfsPointer(encode('version https://git-lfs'))).toBe(false);
  });
});
