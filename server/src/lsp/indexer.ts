// Indexing a folder's sources: read them with the CLI's readers, then add them to the corpus a few at a time,
// letting the event loop run between batches so requests that arrive meanwhile are answered from what is
// indexed so far. One file at a time afterwards, as the watchers report changes.
import * as path from 'node:path';
import { addSource, createCorpus, removeSource } from '../core/check';
import { cutoffMessage } from '../cli/report';
import type { SourceDoc } from '../core/types';
import type { LoadedSource } from '../sources';
import type { ServerDeps } from './deps';
import type { FolderIndex } from './folders';
import type { Log } from './log';
import { errorText } from './log';
import type { CitecheckSettings } from './settings';
import { relativeId, sourceMatcher, sourceRecord } from './source-files';

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where the folder's sources are: .citecheck.json's "sources" when it has them (the team's file, as for the CLI), else the setting. */
export function configureFolder(folder: FolderIndex, settings: CitecheckSettings, deps: ServerDeps, log: Log): void {
  let config: ReturnType<ServerDeps['readConfig']> = null;
  if (folder.path !== '') {
    try {
      config = deps.readConfig(folder.path);
    } catch (err) {
      log.warn(`${folder.name}: .citecheck.json ignored: ${errorText(err)}`);
    }
  }
  config?.warnings.forEach((w) => log.warn(w));
  folder.patterns = config?.config.sources ?? settings.sources;
  folder.ignore = config?.config.ignore ?? [];
  folder.maxFileSize = config?.config.maxFileSize ?? settings.maxFileSize;
  folder.isSource = sourceMatcher(folder.patterns, folder.ignore);
}

export interface IndexEvents {
  /** After each batch: sources indexed so far and found in all. */
  progress(folder: FolderIndex): void;
}

/** Reads and indexes every source of the folder into a fresh corpus. Returns false when a newer run took over. */
export async function indexFolder(folder: FolderIndex, deps: ServerDeps, log: Log, events: IndexEvents): Promise<boolean> {
  const run = ++folder.run;
  folder.corpus = createCorpus();
  folder.sources.clear();
  folder.indexing = true;
  folder.indexed = 0;
  folder.total = 0;
  if (folder.path === '' || folder.patterns.length === 0) {
    folder.indexing = false;
    events.progress(folder);
    return true;
  }
  const loaded = await deps.loadSources(folder.patterns, { cwd: folder.path, maxFileSize: folder.maxFileSize, ignore: folder.ignore });
  if (run !== folder.run) return false;
  // A pattern that matches nothing (the default sources/** in a folder without one) is not worth a warning.
  for (const w of loaded.warnings) if (!w.endsWith(': no matching files')) log.warn(`${folder.name}: ${w}`);
  folder.total = loaded.sources.length;
  events.progress(folder);
  for (let i = 0; i < loaded.sources.length; i++) {
    const s = loaded.sources[i]!;
    try {
      // The loader's id is relative to the pattern's base; the path relative to the folder is what a watcher
      // event for the same file gives, so that is the id.
      warnIfCut(addSource(folder.corpus, { ...s, id: s.path }), s, folder, log);
      folder.sources.set(s.path, sourceRecord(s, folder.path));
    } catch (err) {
      log.warn(`${folder.name}: ${s.path}: skipped: ${errorText(err)}`);
    }
    folder.indexed = i + 1;
    if ((i + 1) % deps.indexBatch === 0 || i + 1 === loaded.sources.length) {
      events.progress(folder);
      await yieldToLoop();
      if (run !== folder.run) return false;
    }
  }
  folder.indexing = false;
  events.progress(folder);
  return true;
}

/** A source of millions of numbers is read up to its 50,000th mention (core/extract/mention-limit.ts): the log says
 * where, in the file. */
function warnIfCut(doc: SourceDoc, s: LoadedSource, folder: FolderIndex, log: Log): void {
  if (doc.readTo === undefined) return;
  log.warn(`${folder.name}: ${s.path}: ${cutoffMessage(s.locate(doc.readTo), 'read')}`);
}

export type SourceChange = 'added' | 'changed' | 'removed' | 'ignored';

/** Adds, replaces or removes the one source at `fsPath`. Says what it did; 'ignored' when the file is no source. */
export async function updateSource(folder: FolderIndex, fsPath: string, deleted: boolean, deps: ServerDeps, log: Log): Promise<SourceChange> {
  const rel = relativeId(folder.path, fsPath);
  if (rel === null || !folder.isSource(rel)) return 'ignored';
  const had = folder.sources.has(rel);
  if (deleted) {
    if (!had) return 'ignored';
    removeSource(folder.corpus, rel);
    folder.sources.delete(rel);
    folder.indexed = folder.sources.size;
    folder.total = Math.max(folder.total - 1, folder.indexed);
    return 'removed';
  }
  const loaded = await deps.loadSources([path.resolve(folder.path, rel)], { cwd: folder.path, maxFileSize: folder.maxFileSize });
  for (const w of loaded.warnings) log.warn(`${folder.name}: ${w}`);
  const s = loaded.sources[0];
  if (!s) {
    // Unreadable now (binary, too large, empty): it no longer counts as a source.
    if (had) {
      removeSource(folder.corpus, rel);
      folder.sources.delete(rel);
      folder.indexed = folder.sources.size;
      return 'removed';
    }
    return 'ignored';
  }
  warnIfCut(addSource(folder.corpus, { ...s, id: rel }), { ...s, path: rel }, folder, log);
  folder.sources.set(rel, sourceRecord({ ...s, path: rel }, folder.path));
  if (!had) {
    folder.indexed++;
    folder.total++;
  }
  return had ? 'changed' : 'added';
}
