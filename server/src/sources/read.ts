// Reading one text file from disk with the checks every input gets: readable, within the size limit,
// not binary, valid UTF-8, not empty. A file that fails a check yields a reason a person understands.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** "5 MB", "512 KB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${trim(n / 1024)} KB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

function trim(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'unreadable (file not found, or a broken link)';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable (permission denied)';
    case 'EISDIR':
      return 'unreadable (is a folder)';
    case 'ELOOP':
      return 'unreadable (too many levels of links)';
    default:
      return `unreadable (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

/**
 * Decodes bytes as strict UTF-8 (a leading BOM is dropped), or says why it cannot. Strict means what
 * `new TextDecoder('utf-8', { fatal: true })` accepts; buffer.isUtf8 checks the same thing several times faster.
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  if (!isUtf8(bytes)) return { ok: false, reason: 'not valid UTF-8 text' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const text = buf.toString('utf8', bom);
  if (text.trim() === '') return { ok: false, reason: bytes.length === 0 ? 'empty file' : 'empty file (whitespace only)' };
  return { ok: true, text };
}

/**
 * Reads and checks one file. Synchronous on purpose: for thousands of small files it is several times
 * faster than the promise API (callers yield between files to keep a progress line moving).
 */
export function readTextFile(absPath: string, maxFileSize: number): ReadResult {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO opens at once (and is then refused as not a regular file) instead of waiting
    // for a writer forever; for a regular file the flag changes nothing.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: errorReason(err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'unreadable (not a regular file)' };
    if (st.size > maxFileSize) {
      return { ok: false, reason: `too large (${formatBytes(st.size)}, over the ${formatBytes(maxFileSize)} limit)` };
    }
    // Read up to one byte past the limit, in case the file grew since fstat.
    const bytes = Buffer.allocUnsafe(Math.min(st.size, maxFileSize) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, bytes, n, bytes.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === bytes.length) break;
    }
    if (n > maxFileSize) return { ok: false, reason: `too large (over the ${formatBytes(maxFileSize)} limit)` };
    return decodeText(bytes.subarray(0, n));
  } catch (err) {
    return { ok: false, reason: errorReason(err) };
  } finally {
    closeSync(fd);
  }
}
