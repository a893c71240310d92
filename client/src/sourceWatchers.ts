// File watchers for the sources of every workspace folder and for .citecheck.json, forwarded to the server as
// workspace/didChangeWatchedFiles. Built here rather than through the client's `synchronize.fileEvents`
// because the patterns come from settings and .citecheck.json and must be rebuilt when those change.
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type LanguageClient } from 'vscode-languageclient/node';
import { sourcePatterns } from './sourcePatterns';

/** Events within this many milliseconds go to the server in one notification (a git checkout touches many files). */
const BATCH_MS = 50;

export class SourceWatchers implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private pending: FileEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('citecheck.sources')) this.rebuild();
      }),
    ];
    this.rebuild();
  }

  private rebuild(): void {
    for (const w of this.watchers) w.dispose();
    // A plain glob string watches inside the workspace folders only.
    this.watchers = [this.watch('**/.citecheck.json', true)];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const globs = vscode.workspace.getConfiguration('citecheck', folder.uri).get<string[]>('sources') ?? [];
      for (const p of sourcePatterns(folder.uri.fsPath, globs, (m) => this.output.appendLine(m))) {
        this.watchers.push(this.watch(new vscode.RelativePattern(vscode.Uri.file(p.base), p.glob), false));
      }
    }
  }

  private watch(pattern: vscode.GlobPattern, isConfig: boolean): vscode.Disposable {
    const w = vscode.workspace.createFileSystemWatcher(pattern);
    const on = (type: FileChangeType) => (uri: vscode.Uri) => {
      this.queue({ uri: uri.toString(), type });
      // A changed .citecheck.json may name other sources: watch those too.
      if (isConfig) this.rebuildSoon();
    };
    w.onDidCreate(on(FileChangeType.Created));
    w.onDidChange(on(FileChangeType.Changed));
    w.onDidDelete(on(FileChangeType.Deleted));
    return w;
  }

  private rebuildSoon(): void {
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => this.rebuild(), BATCH_MS);
  }

  private queue(event: FileEvent): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const changes = this.pending;
    this.pending = [];
    const client = this.client();
    if (client === undefined || !client.isRunning() || changes.length === 0) return;
    client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch((err: unknown) => {
      this.output.appendLine(`Citecheck: could not tell the server about changed sources: ${String(err)}`);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.rebuildTimer);
    for (const d of [...this.watchers, ...this.listeners]) d.dispose();
  }
}
