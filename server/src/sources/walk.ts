// Finding input files: a file, a folder (recursively) or a glob pattern. Folders named node_modules and
// dot-folders are not entered. Results are sorted by path so every run sees the same order.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface FoundFile {
  abs: string;
  /** Path relative to the root it was found under, with '/' separators. */
  rel: string;
  /** True when the user named this file directly (not found by walking). */
  explicit: boolean;
}

export interface Found {
  files: FoundFile[];
  /** Folders that could not be read, with the reason. */
  problems: string[];
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Path relative to `from`, with '/' separators; the path itself when outside `from`'s tree would need '..'s. */
export function displayPath(abs: string, from: string = process.cwd()): string {
  const rel = path.relative(from, abs);
  if (rel === '') return '.';
  return toPosix(rel);
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

async function walk(
  dir: string,
  /** `dir` relative to the root, '/' separators; '' for the root itself. */
  relDir: string,
  accept: (rel: string) => boolean,
  out: FoundFile[],
  problems: string[],
  seen: Set<string>,
): Promise<void> {
  let real: string;
  try {
    real = await fsp.realpath(dir);
  } catch (err) {
    problems.push(`${displayPath(dir)}: unreadable folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return;
  }
  if (seen.has(real)) return; // a link back up the tree
  seen.add(real);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(`${displayPath(dir)}: unreadable folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = (await fsp.stat(abs)).isDirectory();
      } catch {
        // a broken link: the reader reports it as unreadable
      }
    }
    if (isDir) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      await walk(abs, relDir === '' ? e.name : `${relDir}/${e.name}`, accept, out, problems, seen);
    } else {
      // Not only regular files: a FIFO, socket or device with a source's extension goes to the reader too, which
      // skips it with a warning that names it (a file left out without a word is a file the user thinks was read).
      const rel = relDir === '' ? e.name : `${relDir}/${e.name}`;
      if (accept(rel)) out.push({ abs, rel, explicit: false });
    }
  }
}

export class NotFoundError extends Error {}

/**
 * The files a command-line argument names. `extensions` (lower case, with the dot) limits what a walk
 * picks up; a file named directly is always returned (the caller decides what to do with its type).
 * Throws NotFoundError when a plain path does not exist. A glob that matches nothing returns no files.
 */
export async function findFiles(arg: string, extensions: readonly string[], cwd: string = process.cwd()): Promise<Found & { root: string }> {
  const byExt = (rel: string) => extensions.includes(path.extname(rel).toLowerCase());
  const problems: string[] = [];
  const files: FoundFile[] = [];
  const exists = await fsp.stat(path.resolve(cwd, arg)).then(
    (st) => st,
    () => null,
  );
  if (!exists && isGlob(arg)) {
    const scan = picomatch.scan(arg);
    const root = path.resolve(cwd, scan.base === '' ? '.' : scan.base);
    const match = picomatch(scan.glob, { dot: false });
    const rootExists = await fsp.stat(root).then(
      (st) => st.isDirectory(),
      () => false,
    );
    if (rootExists) await walk(root, '', (rel) => byExt(rel) && match(rel), files, problems, new Set());
    return { files, problems, root };
  }
  if (!exists) throw new NotFoundError(`not found: ${arg}`);
  const abs = path.resolve(cwd, arg);
  if (exists.isDirectory()) {
    await walk(abs, '', byExt, files, problems, new Set());
    return { files, problems, root: abs };
  }
  const root = path.dirname(abs);
  return { files: [{ abs, rel: path.basename(abs), explicit: true }], problems, root };
}
