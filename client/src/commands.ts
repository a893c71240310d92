// The Citecheck commands. Each asks the server and shows the answer; none decides a verdict.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { ReindexRequest, ReportRequest } from '../../server/src/lsp/protocol';
import { draftLanguages } from './languageClient';
import { exportReport, pickAndExport } from './report/exportReport';
import { ReportPanel } from './report/reportPanel';
import type { Session } from './session';
import { claimsLine, plural } from './words';

function failed(err: unknown): void {
  void vscode.window.showErrorMessage(`Citecheck: ${err instanceof Error ? err.message : String(err)}`);
}

export function registerCommands(context: vscode.ExtensionContext, session: Session): void {
  const panel = new ReportPanel({
    export: async (format, uris) => {
      const client = session.running();
      if (client !== undefined) await exportReport(client, format, uris);
    },
  });

  async function checkCurrentDraft(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const languages = draftLanguages(doc?.uri);
    if (doc === undefined || !languages.includes(doc.languageId)) {
      void vscode.window.showInformationMessage(`Citecheck: open a draft first (a ${languages.join(' or ')} document).`);
      return;
    }
    const client = session.running();
    if (client === undefined) return;
    const report = await client.sendRequest(ReportRequest.type, { uris: [doc.uri.toString()] });
    void vscode.window.showInformationMessage(`Citecheck: ${path.basename(doc.uri.path)}: ${claimsLine(report.drafts.flatMap((d) => d.claims))}.`);
  }

  async function checkAllDrafts(): Promise<void> {
    const client = session.running();
    if (client === undefined) return;
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Citecheck: checking every draft of the workspace', cancellable: false },
      async (progress) => {
        // The server reports each draft it starts ("Checking draft 3 of 20") under a token of this request.
        const workDoneToken = `citecheck-report-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        let last = 0;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? last;
          progress.report({ message: value.message, increment: Math.max(0, percentage - last) });
          last = Math.max(last, percentage);
        });
        try {
          return await client.sendRequest(ReportRequest.type, { workDoneToken });
        } finally {
          listening.dispose();
        }
      },
    );
    // With workspace diagnostics the server fills the Problems panel itself; without, opening a draft (not in an
    // editor) syncs it, and the server then reports its diagnostics like any open draft's.
    if (client.initializeResult?.capabilities.diagnosticProvider?.workspaceDiagnostics !== true) {
      for (const d of report.drafts) await vscode.workspace.openTextDocument(vscode.Uri.parse(d.uri)).then(undefined, () => undefined);
    }
    panel.show(report);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(`Citecheck: ${plural(report.drafts.length, 'draft')}, ${claimsLine(report.drafts.flatMap((d) => d.claims))}.`);
  }

  async function reindexSources(): Promise<void> {
    const client = session.running();
    if (client === undefined) return;
    const { sources } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Citecheck: reindexing sources' },
      () => client.sendRequest(ReindexRequest.type, {}),
    );
    void vscode.window.showInformationMessage(`Citecheck: ${plural(sources, 'source')} indexed.`);
  }

  async function openReport(): Promise<void> {
    const last = panel.lastReport;
    if (last === undefined) return checkAllDrafts();
    // Fresh numbers for the same drafts.
    const client = session.running();
    if (client === undefined) return;
    panel.show(await client.sendRequest(ReportRequest.type, { uris: last.drafts.map((d) => d.uri) }));
  }

  async function exportCommand(): Promise<void> {
    const client = session.running();
    if (client !== undefined) await pickAndExport(client, panel.lastReport?.drafts.map((d) => d.uri));
  }

  const commands: Record<string, () => Promise<void> | void> = {
    'citecheck.checkCurrentDraft': checkCurrentDraft,
    'citecheck.checkAllDrafts': checkAllDrafts,
    'citecheck.reindexSources': reindexSources,
    'citecheck.showOutput': () => session.output.show(true),
    'citecheck.openReport': openReport,
    'citecheck.exportReport': exportCommand,
  };
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, () => Promise.resolve(run()).catch(failed)));
  }
  context.subscriptions.push(panel);
}
