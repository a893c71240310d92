// Loading sources and drafts from disk. Bad files are skipped with a warning naming the file and the
// reason; everything else loads. Paths that do not exist are the caller's error (NotFoundError).
import { statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Language, SourceInput } from '../core/types';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './read';
import { readFrontMatter } from './frontmatter';
import { extractHtml, HtmlTooDeepError, type HtmlArticle } from './html';
import { displayPath, findFiles, type FoundFile } from './walk';
import { fileMap, locator, type FileMap, type FilePosition } from './file-map';

export type { FileMap, FilePosition } from './file-map';

export type SourceFormat = 'text' | 'markdown' | 'html';

export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};
export const DRAFT_EXTENSIONS: Readonly<Record<string, Language>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'plaintext',
};

export interface LoadedSource extends SourceInput {
  /** The file, relative to the working directory, with '/' separators. */
  path: string;
  format: SourceFormat;
  outlet?: string;
  date?: string;
  url?: string;
  /**
   * Where an offset of `text` lies in the file. For .txt and .md (front matter blanked, not cut) it is the
   * same line and column as in `text`; for HTML it maps the extracted article text back into the markup.
   */
  locate(offset: number): FilePosition;
  /** What `locate` reads, as data. */
  fileMap: FileMap;
  /** True when `text` is not the file's own text (HTML), so positions in `text` differ from the file's. */
  remapped: boolean;
}

export interface LoadedDraft {
  path: string;
  abs: string;
  text: string;
  language: Language;
}

export interface LoadOptions {
  /** Bytes; files over it are skipped. 5 MB by default. */
  maxFileSize?: number;
  /** Globs of files to skip, matched against the path from the working directory and from the root. */
  ignore?: readonly string[];
  cwd?: string;
  /** Called as files are read: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface SourcesResult {
  sources: LoadedSource[];
  warnings: string[];
}

export interface DraftsResult {
  drafts: LoadedDraft[];
  warnings: string[];
}

/** A found file with its path as shown to the user (relative to the working directory). */
export interface Input extends FoundFile {
  shown: string;
}

/** A source file to load, with its size in bytes (how sources are shared out between threads). */
export interface SourceFile extends Input {
  bytes: number;
}

/** The files with their sizes (0 for one that cannot be read: loading it then says why). */
export function sizedFiles(files: readonly Input[]): SourceFile[] {
  return files.map((f) => {
    let bytes = 0;
    try {
      bytes = statSync(f.abs).size;
    } catch {
      // left to loadSource
    }
    return { ...f, bytes };
  });
}

/** A loaded source without its text. */
export type SourceMeta = Omit<LoadedSource, 'text'>;

export function withoutText(s: LoadedSource): SourceMeta {
  const { text: _text, ...meta } = s;
  return meta;
}

function ignoreMatcher(ignore: readonly string[] | undefined): (f: Input) => boolean {
  if (!ignore || ignore.length === 0) return () => false;
  const m = picomatch(ignore as string[], { dot: true });
  return (f) => m(f.shown) || m(f.rel);
}

/** Lets the event loop run (timers, a progress line) between batches of synchronous work. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function gather(
  args: readonly string[],
  extensions: readonly string[],
  opts: LoadOptions,
  warnings: string[],
): Promise<Input[]> {
  const cwd = opts.cwd ?? process.cwd();
  const ignored = ignoreMatcher(opts.ignore);
  const seen = new Set<string>();
  const files: Input[] = [];
  for (const arg of args) {
    const found = await findFiles(arg, extensions, cwd);
    for (const p of found.problems) warnings.push(p);
    if (found.files.length === 0 && !found.problems.length) warnings.push(`${arg}: no matching files`);
    // One path.relative per root, not per file: it is slow enough to show on 10,000 files.
    const rootShown = displayPath(found.root, cwd);
    for (const found1 of found.files) {
      const f: Input = { ...found1, shown: rootShown === '.' ? found1.rel : `${rootShown}/${found1.rel}` };
      if (seen.has(f.abs) || ignored(f)) continue;
      seen.add(f.abs);
      files.push(f);
    }
  }
  return files;
}

/** Loads sources from folders, files or glob patterns (relative to the working directory). */
export async function loadSources(args: readonly string[], opts: LoadOptions = {}): Promise<SourcesResult> {
  return loadFound(await findSources(args, opts), opts);
}

/** Loads the files findSources found. */
export async function loadFound({ files, warnings }: { files: readonly Input[]; warnings: readonly string[] }, opts: LoadOptions = {}): Promise<SourcesResult> {
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const loaded: (LoadedSource | string)[] = [];
  for (let i = 0; i < files.length; i++) {
    loaded.push(await loadSource(files[i] as Input, maxFileSize));
    if (i % 64 === 63 || i === files.length - 1) {
      opts.onProgress?.(i + 1, files.length);
      await yieldToLoop();
    }
  }
  return assembleSources(loaded, warnings);
}

/** The source files that folders, files or glob patterns name, in the order they load, and warnings about the
 * patterns themselves (a glob that matches nothing). */
export async function findSources(args: readonly string[], opts: LoadOptions = {}): Promise<{ files: Input[]; warnings: string[] }> {
  const warnings: string[] = [];
  const files = await gather(args, Object.keys(SOURCE_EXTENSIONS), opts, warnings);
  return { files, warnings };
}

/** The sources loaded from found files (each a source, or the warning that says why it was skipped), in the files'
 * order: the first of two files with the same id is kept. `warnings` come first. */
export function assembleSources<T extends { id: string; path: string }>(loaded: readonly (T | string)[], warnings: readonly string[] = []): { sources: T[]; warnings: string[] } {
  const out = [...warnings];
  const sources: T[] = [];
  const ids = new Map<string, string>();
  for (const r of loaded) {
    if (typeof r === 'string') {
      out.push(r);
      continue;
    }
    const other = ids.get(r.id);
    if (other !== undefined) {
      out.push(`${r.path}: skipped: its id ${r.id} is already taken by ${other}`);
      continue;
    }
    ids.set(r.id, r.path);
    sources.push(r);
  }
  return { sources, warnings: out };
}

/** One found file as a source, or the warning that says why it is skipped. */
export async function loadSource(f: Input, maxFileSize: number): Promise<LoadedSource | string> {
  const shown = f.shown;
  const format = SOURCE_EXTENSIONS[path.extname(f.abs).toLowerCase()];
  if (format === undefined) return `${shown}: skipped: not a source type citecheck reads (.txt, .md, .markdown, .html, .htm)`;
  const read = readTextFile(f.abs, maxFileSize);
  if (!read.ok) return `${shown}: skipped: ${read.reason}`;
  const base = { id: f.rel, path: shown, format };
  if (format === 'text') {
    return withMap({ ...base, text: read.text, remapped: false }, fileMap(read.text));
  }
  if (format === 'markdown') {
    const md = readFrontMatter(read.text);
    if (md.text.trim() === '') return `${shown}: skipped: no article text after the front matter`;
    const src = withMap({ ...base, text: md.text, remapped: false }, fileMap(md.text));
    if (md.meta.title !== undefined) src.title = md.meta.title;
    if (md.meta.outlet !== undefined) src.outlet = md.meta.outlet;
    if (md.meta.date !== undefined) src.date = md.meta.date;
    if (md.meta.url !== undefined) src.url = md.meta.url;
    return src;
  }
  let html: HtmlArticle;
  try {
    html = await extractHtml(read.text);
  } catch (err) {
    if (err instanceof HtmlTooDeepError) return `${shown}: skipped: ${err.message}`;
    throw err;
  }
  if (html.text.trim() === '') return `${shown}: skipped: no article text in the HTML`;
  const src = withMap({ ...base, text: html.text, remapped: true }, fileMap(read.text, html.runs));
  if (html.title !== null) src.title = html.title;
  return src;
}

/** A source with its file map, and the `locate` made from it. */
function withMap(src: Omit<LoadedSource, 'locate' | 'fileMap'>, map: FileMap): LoadedSource {
  return { ...src, locate: locator(map), fileMap: map };
}

/** Loads drafts from files or folders (folders: .md, .markdown and .txt, recursively). */
export async function loadDrafts(
  args: readonly string[],
  opts: LoadOptions & { languages?: readonly Language[] } = {},
): Promise<DraftsResult> {
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const languages = opts.languages;
  const extensions = Object.keys(DRAFT_EXTENSIONS).filter(
    (e) => !languages || languages.includes(DRAFT_EXTENSIONS[e] as Language),
  );
  const warnings: string[] = [];
  const files = await gather(args, extensions, opts, warnings);
  const drafts: LoadedDraft[] = [];
  for (const f of files) {
    const shown = f.shown;
    // A file named directly is read whatever its extension: Markdown by its extension, else plain text.
    const language: Language = DRAFT_EXTENSIONS[path.extname(f.abs).toLowerCase()] ?? 'plaintext';
    if (languages && !languages.includes(language)) {
      warnings.push(`${shown}: skipped: ${language} drafts are not in the configured languages (${languages.join(', ')})`);
      continue;
    }
    const read = readTextFile(f.abs, maxFileSize);
    if (!read.ok) {
      warnings.push(`${shown}: skipped: ${read.reason}`);
      continue;
    }
    drafts.push({ path: shown, abs: f.abs, text: read.text, language });
  }
  return { drafts, warnings };
}
