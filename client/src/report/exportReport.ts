// Export as the CLI's JSON or SARIF: the server formats (the CLI's own formatters), the client only saves.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, type ExportParams } from '../../../server/src/lsp/protocol';

export type ExportFormat = ExportParams['format'];

export function isExportFormat(v: unknown): v is ExportFormat {
  return v === 'json' || v === 'sarif';
}

export async function exportReport(client: LanguageClient, format: ExportFormat, uris?: string[]): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `citecheck-report.${format}`;
  const target = await vscode.window.showSaveDialog({
    title: `Export the Citecheck report as ${format.toUpperCase()}`,
    ...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, name) }),
    filters: format === 'json' ? { JSON: ['json'] } : { SARIF: ['sarif', 'json'] },
  });
  if (target === undefined) return;
  const params: ExportParams = uris === undefined ? { format } : { format, uris };
  // A local file is written by the server, in pieces: with thousands of sources the report is larger than one
  // string can be. Elsewhere (a remote or virtual folder) the server returns the text and the editor saves it.
  const local = target.scheme === 'file';
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Citecheck: exporting the report…' },
    () => client.sendRequest(ExportRequest.type, local ? { ...params, target: target.fsPath } : params),
  );
  if (result.error !== undefined) {
    void vscode.window.showErrorMessage(`Citecheck: ${result.error}`);
    return;
  }
  if (!local) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  const open = await vscode.window.showInformationMessage(`Citecheck: report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open === 'Open') await vscode.window.showTextDocument(target);
}

/** The export command: asks for the format when not given. */
export async function pickAndExport(client: LanguageClient, uris?: string[]): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'the CLI\'s --format json', format: 'json' as const },
      { label: 'SARIF', description: 'SARIF 2.1.0, for code scanning', format: 'sarif' as const },
    ],
    { title: 'Export the Citecheck report' },
  );
  if (pick !== undefined) await exportReport(client, pick.format, uris);
}
