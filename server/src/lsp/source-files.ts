// Which files of a workspace folder are sources, and reading them into engine inputs. Patterns mean what they
// mean to the CLI (server/src/sources/walk.ts): a glob is matched below its base folder, a plain path names a
// folder or a file, and dot-folders and node_modules are never entered.
import * as path from 'node:path';
import picomatch from 'picomatch';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadedSource } from '../sources';
import { SOURCE_EXTENSIONS } from '../sources';
import { isGlob, toPosix } from '../sources/walk';
import type { FilePosition } from '../sources/load';

/** A source as the server keeps it beside the corpus: where it is and how to find an offset in the file. */
export interface SourceRecord {
  /** Path relative to the workspace folder, '/' separators: the engine's source id. */
  id: string;
  uri: string;
  title: string;
  /** 1-based line and column in the file of an offset of the indexed text (HTML is mapped back into the markup). */
  locate(offset: number): FilePosition;
}

export function sourceRecord(s: LoadedSource, folderPath: string): SourceRecord {
  const abs = path.resolve(folderPath, s.path);
  return { id: s.path, uri: pathToFileURL(abs).href, title: s.title ?? s.path, locate: s.locate };
}

/** The source's path as an id: relative to the folder with '/' separators, or null when outside it. */
export function relativeId(folderPath: string, fsPath: string): string | null {
  const rel = path.relative(folderPath, fsPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return toPosix(rel);
}

function clean(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** A test of whether a path relative to the folder is a source under these patterns and ignore globs. */
export function sourceMatcher(patterns: readonly string[], ignore: readonly string[]): (rel: string) => boolean {
  const tests = patterns.map((p): ((rel: string) => boolean) => {
    const pattern = clean(p);
    if (!isGlob(pattern)) return (rel) => pattern === '.' || pattern === '' || rel === pattern || rel.startsWith(`${pattern}/`);
    const scan = picomatch.scan(pattern);
    const base = clean(scan.base);
    const match = picomatch(scan.glob, { dot: false });
    return (rel) => {
      if (base === '') return match(rel);
      return rel.startsWith(`${base}/`) && match(rel.slice(base.length + 1));
    };
  });
  const ignored = ignore.length > 0 ? picomatch(ignore as string[], { dot: true }) : () => false;
  return (rel) => {
    if (!(path.posix.extname(rel).toLowerCase() in SOURCE_EXTENSIONS)) return false;
    // The walk never enters these, so a watcher event from one must not add a source either.
    if (rel.split('/').some((part, i, all) => i < all.length - 1 && (part.startsWith('.') || part === 'node_modules'))) return false;
    return !ignored(rel) && tests.some((t) => t(rel));
  };
}

/** The file system path of a file: URI, or null for any other scheme (untitled:, vscode-notebook-cell:, ...). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
