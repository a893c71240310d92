// Keeping the corpus current: workspace/didChangeWatchedFiles adds, replaces or removes one source; a change to
// .citecheck.json re-reads where the sources are and indexes the folder again. Events that arrive together are
// handled once per file, since the client and the server may both watch the same files.
import * as path from 'node:path';
import { FileChangeType, type Connection, DidChangeWatchedFilesNotification, type FileSystemWatcher } from 'vscode-languageserver';
import type { Server } from './context';
import { errorText, guard } from './log';
import { updateSource } from './indexer';
import { uriToPath } from './source-files';
import { CONFIG_FILE } from '../cli/config';

export interface WatchEvents {
  /** A folder's .citecheck.json changed: index that folder again. */
  reconfigure(folderUri: string): Promise<void>;
}

export function registerWatchedFiles(server: Server, connection: Connection, events: WatchEvents): void {
  const pending = new Map<string, FileChangeType>();
  let draining: Promise<void> | null = null;

  const drain = async (): Promise<void> => {
    let changed = false;
    const reconfigure = new Set<string>();
    while (pending.size > 0) {
      const [uri, type] = pending.entries().next().value as [string, FileChangeType];
      pending.delete(uri);
      const file = uriToPath(uri);
      if (file === null) continue;
      const folder = server.folders.forUri(uri);
      if (folder.path === '') continue;
      if (path.basename(file) === CONFIG_FILE && path.dirname(file) === folder.path) {
        reconfigure.add(folder.uri);
        continue;
      }
      try {
        const what = await updateSource(folder, file, type === FileChangeType.Deleted, server.deps, server.log);
        if (what !== 'ignored') {
          changed = true;
          server.log.info(`${folder.name}: source ${what}: ${file}`);
        }
      } catch (err) {
        server.log.warn(`${file}: ${errorText(err)}`);
      }
    }
    for (const uri of reconfigure) await events.reconfigure(uri);
    if (changed) server.invalidate();
  };

  connection.onDidChangeWatchedFiles(
    guard(server.log, 'watched files', undefined, async (params) => {
      for (const c of params.changes) pending.set(c.uri, c.type);
      // One drain at a time; events that come in meanwhile join the queue, and are drained before this returns.
      while (pending.size > 0) {
        draining ??= drain().finally(() => {
          draining = null;
        });
        await draining;
      }
    }),
  );
}

/**
 * Watchers for every file of a source type and for .citecheck.json, when the client lets the server register
 * them: broad on purpose, so they stay right when the patterns change; events for other files are ignored.
 */
export async function registerWatchers(server: Server, connection: Connection): Promise<void> {
  if (!server.support.watchedFilesRegistration) return;
  const watchers: FileSystemWatcher[] = [];
  for (const folder of server.folders.list) {
    if (folder.path === '') continue;
    for (const g of [`**/${CONFIG_FILE}`, '**/*.{txt,md,markdown,html,htm}']) {
      watchers.push({ globPattern: server.support.relativePatterns ? { baseUri: folder.uri, pattern: g } : `${folder.path}/${g}` });
    }
  }
  if (watchers.length > 0) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}
