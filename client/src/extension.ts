// The extension's entry: a LanguageClient for the Citecheck server, the source watchers, the status bar and
// the commands. Everything Citecheck decides, it decides in the server.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Session } from './session';
import { SourceWatchers } from './sourceWatchers';
import { StatusBar } from './statusBar';

// deactivate() must wait for the server to shut down, and VS Code gives it no context: the one piece of module
// state, set by activate().
let session: Session | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Citecheck');
  const status = new StatusBar();
  session = new Session(context, output, status);
  const current = session;
  context.subscriptions.push(output, status, new SourceWatchers(() => current.client, output));
  registerCommands(context, current);
  await current.start();
}

export async function deactivate(): Promise<void> {
  const s = session;
  session = undefined;
  await s?.stop();
}
