// The state of one running server, built by startServer: no module-level singletons, so tests can start as
// many fresh servers in one process as they like.
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerDeps } from './deps';
import type { DraftCheck, Drafts } from './drafts';
import type { Folders } from './folders';
import type { Log } from './log';
import type { SettingsCache } from './settings-cache';
import type { Status } from './status';

/** What the client said it can do, read once from initialize. */
export interface ClientSupport {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  inlayHintRefresh: boolean;
  workDoneProgress: boolean;
  watchedFilesRegistration: boolean;
  relativePatterns: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    configuration: c.workspace?.configuration === true,
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: c.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    showDocument: c.window?.showDocument?.support === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

export interface Server {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  deps: ServerDeps;
  log: Log;
  support: ClientSupport;
  settings: SettingsCache;
  folders: Folders;
  drafts: Drafts;
  status: Status;
  /** Drafts on disk checked by a report (citecheck/report), kept for workspace diagnostics. */
  reported: Map<string, DraftCheck>;
  /** Checks the open document if its language is a draft language; null when it is not open or not a draft. */
  checkOpen(uri: string): Promise<DraftCheck | null>;
  /** Sources or settings changed: every draft's results must be computed again. */
  invalidate(): void;
}
