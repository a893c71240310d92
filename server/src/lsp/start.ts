// startServer(connection, deps): everything a Citecheck language server is, on a connection someone else made
// (stdio or IPC in server.ts, a pair of in-memory streams in the tests).
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { num, plural } from '../cli/report';
import { VERSION } from '../cli/version';
import { registerCodeActions } from './code-actions';
import { clientSupport, type Server } from './context';
import { nodeDeps, type ServerDeps } from './deps';
import { HeapBudget } from '../collect-garbage';
import { createCorpus } from '../core/check';
import { Drafts, type DraftCheck } from './drafts';
import { Folders, type FolderIndex } from './folders';
import { registerHover } from './hover';
import { configureFolder, indexFolder } from './indexer';
import { registerInlayHints } from './inlay-hints';
import { connectionLog, guard } from './log';
import { registerNavigation } from './navigation';
import { OPEN_EVIDENCE_COMMAND, ReindexRequest } from './protocol';
import { Publisher } from './publish';
import { registerReport } from './report';
import { SettingsCache } from './settings-cache';
import { Status } from './status';
import { registerWatchedFiles, registerWatchers } from './watched-files';

export function startServer(connection: Connection, deps: ServerDeps = nodeDeps()): void {
  const log = connectionLog(connection);
  const documents = new TextDocuments(TextDocument);
  const folders = new Folders();
  const drafts = new Drafts();
  const heap = new HeapBudget(deps.collectGarbage, deps.heapSlack);
  const status = new Status(connection, folders, drafts, (uri) => documents.get(uri) !== undefined);
  let server: Server | null = null;
  let publisher: Publisher | null = null;

  connection.onInitialize((params): InitializeResult => {
    const support = clientSupport(params.capabilities);
    for (const f of params.workspaceFolders ?? []) folders.add(f.uri, f.name);
    if (folders.list.length === 0 && params.rootUri) folders.add(params.rootUri, path.basename(params.rootUri));
    const settings = new SettingsCache(connection, support.configuration, log);
    const s: Server = {
      connection, documents, deps, log, support, settings, folders, drafts, status, reported: new Map(),
      async checkOpen(uri: string): Promise<DraftCheck | null> {
        const wanted = await settings.get(uri);
        const doc = documents.get(uri);
        if (!doc || !wanted.languages.includes(doc.languageId)) return null;
        const known = drafts.last(uri);
        const check = drafts.check(doc, folders.forUri(uri));
        status.send();
        // A new check leaves garbage: collect it once enough has piled up, after this answer has gone out.
        if (check !== known) setImmediate(() => heap.afterWork());
        return check;
      },
      invalidate(): void {
        s.reported.clear();
        if (support.pullDiagnostics) {
          if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
        } else publisher?.scheduleAll();
        if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
        status.send();
      },
    };
    server = s;
    publisher = new Publisher(s);
    publisher.register();
    registerHover(s, connection);
    registerCodeActions(s, connection);
    registerNavigation(s, connection);
    registerInlayHints(s, connection);
    registerReport(s, connection);
    registerWatchedFiles(s, connection, { reconfigure: (uri) => reindex(s, folders.list.filter((f) => f.uri === uri)).then(() => undefined) });
    connection.onRequest(ReindexRequest.type, guard(log, 'reindex', { sources: 0 }, async () => ({ sources: await reindex(s, folders.list) })));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Empty] },
        definitionProvider: true,
        referencesProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: [OPEN_EVIDENCE_COMMAND] },
        ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: 'citecheck', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'citecheck', version: VERSION },
    };
  });

  connection.onInitialized(
    guard(log, 'starting', undefined, async () => {
      const s = server;
      if (!s) return;
      if (s.support.configuration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'citecheck' }).catch(() => undefined);
      }
      if (s.support.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(log, 'workspace folders', undefined, async (e) => {
            for (const f of e.removed) folders.remove(f.uri);
            const added = e.added.map((f) => folders.add(f.uri, f.name));
            await reindex(s, added);
          }),
        );
      }
      await reindex(s, folders.list);
      await registerWatchers(s, connection);
    }),
  );

  connection.onDidChangeConfiguration(
    guard(log, 'settings', undefined, async (params) => {
      const s = server;
      if (!s) return;
      s.settings.changed(params.settings);
      // Sources move only when their patterns or size limit do; otherwise the index stands.
      const moved: FolderIndex[] = [];
      for (const f of folders.list) {
        const before = JSON.stringify([f.patterns, f.ignore, f.maxFileSize]);
        configureFolder(f, await s.settings.get(f.uri), deps, log);
        if (JSON.stringify([f.patterns, f.ignore, f.maxFileSize]) !== before) moved.push(f);
      }
      if (moved.length > 0) await reindex(s, moved);
      else s.invalidate();
    }),
  );

  documents.onDidClose((e) => {
    drafts.close(e.document.uri);
    status.send();
  });
  documents.listen(connection);

  /** Reads where each folder's sources are and indexes them, with work-done progress. Returns the sources indexed. */
  async function reindex(s: Server, list: FolderIndex[]): Promise<number> {
    let progress: WorkDoneProgressServerReporter | null = null;
    if (s.support.workDoneProgress) progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('Citecheck', 0, 'Reading sources', false);
    let lastPercent = -1;
    const events = {
      progress: (): void => {
        const p = folders.progress();
        const percent = p.total === 0 ? 0 : Math.floor((p.indexed / p.total) * 100);
        if (percent !== lastPercent) {
          lastPercent = percent;
          progress?.report(percent, `Indexing ${num(p.total)} sources`);
        }
        status.send(true);
      },
    };
    try {
      for (const f of list) configureFolder(f, await s.settings.get(f.uri), deps, log);
      // Say "indexing" at once (progress updates are throttled), so the client sees each reindex start and end.
      for (const f of list) f.indexing = true;
      status.send();
      // Let go of the old index before building the new one: the drafts' caches and last checks, and the report's
      // checks, hold its sources (at 10,000 sources two indexes at once took the server to 850 MB).
      const replaced = list.some((f) => f.corpus.sources.length > 0);
      drafts.release(list);
      for (const [uri, check] of s.reported) if (list.includes(check.folder)) s.reported.delete(uri);
      for (const f of list) f.corpus = createCorpus();
      if (replaced) heap.collectNow();
      for (const f of list) await indexFolder(f, deps, log, events);
    } finally {
      progress?.done();
    }
    const total = list.reduce((n, f) => n + f.sources.size, 0);
    heap.collectNow();
    log.info(`indexed ${plural(total, 'source')}`);
    s.invalidate();
    return total;
  }
}
