// Preloaded with `node --import` (through NODE_OPTIONS) by the fault tests, never by the site: makes
// file-system calls on paths under a chosen folder fail as a full disk or an unreadable file would.
// FS_FAULT is JSON: { "code": "ENOSPC", "op": "write" | "read", "under": "/absolute/folder" }.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const fault = process.env.FS_FAULT ? JSON.parse(process.env.FS_FAULT) : undefined;
const MESSAGES = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EIO: 'i/o error',
  EMFILE: 'too many open files',
};

const hits = (path) =>
  typeof path === 'string' || path instanceof URL
    ? resolve(path instanceof URL ? path.pathname : path).startsWith(`${fault.under}/`)
    : false;

const failure = (syscall, path) =>
  Object.assign(new Error(`${fault.code}: ${MESSAGES[fault.code] ?? 'failure'}, ${syscall} '${path}'`), {
    code: fault.code,
    syscall,
    path: String(path),
  });

// Flags that open a file for writing: 'w', 'a', 'r+' and their variants, or numeric write flags.
const writing = (flags) =>
  typeof flags === 'number'
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0
    : /[wa+]/u.test(flags ?? 'r');

function wrap(owner, name, syscall, applies) {
  const original = owner[name];
  owner[name] = function patched(path, ...rest) {
    if (applies(rest) && hits(path)) {
      const error = failure(syscall, path);
      const callback = rest.at(-1);
      if (owner === fs && !name.endsWith('Sync') && typeof callback === 'function') {
        process.nextTick(callback, error);
        return undefined;
      }
      if (owner === fs.promises) return Promise.reject(error);
      throw error;
    }
    return original.call(this, path, ...rest);
  };
}

if (fault) {
  const always = () => true;
  if (fault.op === 'write') {
    for (const name of ['writeFileSync', 'appendFileSync', 'writeFile', 'appendFile'])
      wrap(fs, name, 'open', always);
    for (const name of ['writeFile', 'appendFile']) wrap(fs.promises, name, 'open', always);
    wrap(fs, 'openSync', 'open', ([flags]) => writing(flags));
    wrap(fs, 'open', 'open', ([flags]) => writing(flags));
    wrap(fs.promises, 'open', 'open', ([flags]) => writing(flags));
  } else {
    for (const name of ['readFileSync', 'readFile']) wrap(fs, name, 'open', always);
    wrap(fs.promises, 'readFile', 'open', always);
    wrap(fs, 'openSync', 'open', ([flags]) => !writing(flags));
    wrap(fs.promises, 'open', 'open', ([flags]) => !writing(flags));
  }
  syncBuiltinESMExports();
}
