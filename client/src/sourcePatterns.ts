// Where the sources of a workspace folder are: the citecheck.sources globs and the "sources" of the folder's
// .citecheck.json, turned into watcher patterns. Kept free of the vscode module so it is plain to test.
import * as path from 'node:path';
import { loadConfig } from '../../server/src/cli/config';

export interface WatchPattern {
  /** An absolute folder. */
  base: string;
  /** A glob relative to base. */
  glob: string;
}

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * "sources/**" -> {folder/sources, **}; "../shared/*.md" -> {folder/../shared, *.md}; "articles" (a folder or a
 * file: the config says "folders or globs") -> {folder, {articles,articles/**}}.
 */
export function toWatchPattern(folder: string, pattern: string): WatchPattern {
  const parts = pattern.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  if (firstGlob === -1) {
    const name = parts.pop() ?? '';
    const base = path.resolve(folder, ...parts);
    return name === '' || name === '..' ? { base: path.resolve(base, name), glob: '**' } : { base, glob: `{${name},${name}/**}` };
  }
  return { base: path.resolve(folder, ...parts.slice(0, firstGlob)), glob: parts.slice(firstGlob).join('/') };
}

/** The patterns for one folder; a broken .citecheck.json is reported through `warn` and adds nothing. */
export function sourcePatterns(folder: string, settingGlobs: readonly string[], warn: (message: string) => void): WatchPattern[] {
  const globs = [...settingGlobs];
  try {
    globs.push(...(loadConfig(undefined, folder).config.sources ?? []));
  } catch (err) {
    warn(`Citecheck: ${folder}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const seen = new Set<string>();
  return globs
    .map((g) => toWatchPattern(folder, g))
    .filter((p) => {
      const key = `${p.base}\0${p.glob}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
