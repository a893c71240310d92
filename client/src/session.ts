// The running LanguageClient and what follows it: the status bar, and a new client when citecheck.languages
// changes (the document selector is fixed when a client is made).
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/lsp/protocol';
import { createLanguageClient } from './languageClient';
import type { StatusBar } from './statusBar';

export class Session implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
    private readonly status: StatusBar,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('citecheck.languages')) void this.restart();
      }),
    );
  }

  get client(): LanguageClient | undefined {
    return this.current;
  }

  /** The running client, or a one-line message and undefined. */
  running(): LanguageClient | undefined {
    if (this.current?.isRunning()) return this.current;
    void vscode.window.showWarningMessage('Citecheck: the server is not running. See Citecheck: Show Output.');
    return undefined;
  }

  async start(): Promise<void> {
    const client = createLanguageClient(this.context, this.output);
    this.current = client;
    this.status.starting();
    this.clientDisposables = [
      client.onNotification(StatusNotification.type, (s) => this.status.update(s)),
      client.onDidChangeState((e) => {
        if (e.newState === State.Stopped) this.status.stopped();
        else if (e.newState === State.Starting) this.status.starting();
      }),
    ];
    try {
      await client.start();
    } catch (err) {
      this.output.appendLine(`Citecheck: the server did not start: ${err instanceof Error ? err.message : String(err)}`);
      this.status.stopped();
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    for (const d of this.clientDisposables) d.dispose();
    this.clientDisposables = [];
    if (client !== undefined && client.state !== State.Stopped) {
      try {
        await client.stop(2000);
      } catch (err) {
        this.output.appendLine(`Citecheck: the server did not stop cleanly: ${String(err)}`);
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}
