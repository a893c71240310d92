// Reading one text file from disk with the checks every input gets: readable, within the size limit,
// not binary, valid UTF-8, not empty. A file that fails a check yields a reason a person understands.
import { promises as fsp } from 'node:fs';

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

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped), or says why it cannot. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  if (text.trim() === '') return { ok: false, reason: bytes.length === 0 ? 'empty file' : 'empty file (whitespace only)' };
  return { ok: true, text };
}

export async function readTextFile(absPath: string, maxFileSize: number): Promise<ReadResult> {
  let size: number;
  try {
    const st = await fsp.stat(absPath);
    if (!st.isFile()) return { ok: false, reason: 'unreadable (not a regular file)' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: errorReason(err) };
  }
  if (size > maxFileSize) {
    return { ok: false, reason: `too large (${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit)` };
  }
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(absPath);
  } catch (err) {
    return { ok: false, reason: errorReason(err) };
  }
  if (bytes.length > maxFileSize) {
    return { ok: false, reason: `too large (${formatBytes(bytes.length)}, over the ${formatBytes(maxFileSize)} limit)` };
  }
  return decodeText(bytes);
}
