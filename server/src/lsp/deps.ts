// What the server reads from the outside world, injected so tests can start a fresh server in-process and
// replace any of it. The defaults are the CLI's own readers: one way of reading sources and .citecheck.json.
import { loadDrafts, loadSources, type DraftsResult, type LoadOptions, type SourcesResult } from '../sources';
import { DEFAULT_MAX_FILE_SIZE, readTextFile, type ReadResult } from '../sources/read';
import type { Language } from '../core/types';
import { loadConfig, type Config } from '../cli/config';
import { collectGarbage } from '../collect-garbage';
import { writeChunks } from '../cli/write-chunks';
import { createWriteStream } from 'node:fs';

async function writeReport(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const written = await Promise.race([writeChunks(out, chunks), failed]);
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  return written;
}

export interface ServerDeps {
  /** Reads the sources that patterns (relative to opts.cwd) name; bad files come back as one-line warnings. */
  loadSources(patterns: readonly string[], opts: LoadOptions): Promise<SourcesResult>;
  /** The draft files under a folder (for a workspace-wide check). */
  findDrafts(folder: string, opts: LoadOptions & { languages?: Language[] }): Promise<DraftsResult>;
  /** .citecheck.json of a workspace folder, or null when it has none. Throws on a malformed file. */
  readConfig(folder: string): { config: Config; warnings: string[] } | null;
  /** A draft that is not open in the editor. */
  readDraft(path: string): ReadResult;
  /** Above this many sources, the report request answers in its compact form (see ReportResult). */
  reportFullSources: number;
  /** Writes a report to a file, piece by piece; resolves to the characters written. */
  writeReport(path: string, chunks: Iterable<string>): Promise<number>;
  /** How long push diagnostics wait after a keystroke before checking (pull diagnostics never wait). */
  pushDelayMs: number;
  /** Sources indexed between two turns of the event loop while indexing. */
  indexBatch: number;
  /** A full garbage collection (see collect-garbage.ts): once indexing is done, and after a check once the heap has
   * grown by more than `heapSlack` bytes since the last one. */
  collectGarbage(): void;
  heapSlack: number;
}

export function nodeDeps(overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    loadSources,
    findDrafts: (folder, opts) => loadDrafts([folder], opts),
    readConfig(folder) {
      const loaded = loadConfig(undefined, folder);
      return loaded.file === null ? null : { config: loaded.config, warnings: loaded.warnings };
    },
    readDraft: (path) => readTextFile(path, DEFAULT_MAX_FILE_SIZE),
    writeReport,
    // A full report has one cell per claim and source: 277 claims x 10,000 sources made 2.8 million verdicts (a
    // 2.9 GB server, an unusable page).
    reportFullSources: 100,
    pushDelayMs: 100,
    indexBatch: 16,
    collectGarbage,
    heapSlack: 64e6,
    ...overrides,
  };
}
