// The LanguageClient: how the server is started and which documents it sees. The server module sits beside the
// client in the extension (server/out/server.js), spoken to over Node IPC.
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { restartPolicy } from './restartPolicy';

/** Drafts are documents of the citecheck.languages ids, saved or untitled. */
export function draftSelector(languages: readonly string[]): { scheme: string; language: string }[] {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/** citecheck.languages, for one document's folder when given. */
export function draftLanguages(scope?: vscode.Uri): string[] {
  return vscode.workspace.getConfiguration('citecheck', scope).get<string[]>('languages') ?? ['markdown', 'plaintext'];
}

/** Every folder's citecheck.languages: the client syncs all of them, and the server checks each per folder. */
export function allDraftLanguages(): string[] {
  const all = new Set(draftLanguages());
  for (const f of vscode.workspace.workspaceFolders ?? []) for (const l of draftLanguages(f.uri)) all.add(l);
  return [...all];
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // F5 from a clone: attach a Node debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: draftSelector(allDraftLanguages()),
    outputChannel: output,
    // The server pulls settings per document (workspace/configuration); this only tells it when they change.
    synchronize: { configurationSection: 'citecheck' },
    diagnosticPullOptions: { onChange: true, onSave: true },
    errorHandler: restartPolicy(),
    // The server says what went wrong in the output; a popup on every hiccup would interrupt writing.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient('citecheck', 'Citecheck', serverOptions, clientOptions);
}
