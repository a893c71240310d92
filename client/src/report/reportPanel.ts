// The report webview: one panel, replaced in place on each new report. Messages from the page carry only
// indices into the report it shows, which this side resolves; nothing the page sends is opened as is.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ReportResult } from '../../../server/src/lsp/protocol';
import { renderReportHtml } from './reportHtml';
import { isExportFormat, type ExportFormat } from './exportReport';

export interface ReportActions {
  export(format: ExportFormat, uris: string[]): Promise<void>;
}

type PageMessage =
  | { type: 'export'; format: unknown }
  | { type: 'open'; draft: unknown; claim: unknown; source: unknown }
  | { type: 'openSource'; source: unknown };

function index(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: ReportResult | undefined;

  constructor(private readonly actions: ReportActions) {}

  get lastReport(): ReportResult | undefined {
    return this.report;
  }

  show(report: ReportResult): void {
    this.report = report;
    if (this.panel === undefined) {
      this.panel = vscode.window.createWebviewPanel('citecheck.report', 'Citecheck Report', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.onMessage(m));
    }
    this.panel.webview.html = renderReportHtml(report, {
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      label: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
    });
    this.panel.reveal();
  }

  private async onMessage(m: PageMessage): Promise<void> {
    const report = this.report;
    if (report === undefined || typeof m !== 'object' || m === null) return;
    try {
      if (m.type === 'export' && isExportFormat(m.format)) {
        await this.actions.export(m.format, report.drafts.map((d) => d.uri));
      } else if (m.type === 'openSource') {
        const source = report.sources[index(m.source) ?? -1];
        if (source !== undefined) await vscode.window.showTextDocument(vscode.Uri.parse(source.uri), { viewColumn: vscode.ViewColumn.Beside });
      } else if (m.type === 'open') {
        await this.open(report, index(m.draft), index(m.claim), index(m.source));
      }
    } catch (err) {
      void vscode.window.showErrorMessage(`Citecheck: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Opens the claim in its draft, or the evidence of one source's verdict on it. */
  private async open(report: ReportResult, d?: number, c?: number, s?: number): Promise<void> {
    const draft = d === undefined ? undefined : report.drafts[d];
    const claim = c === undefined ? undefined : draft?.claims[c];
    if (draft === undefined || claim === undefined) return;
    const source = s === undefined ? undefined : report.sources[s];
    if (source === undefined) {
      const r = claim.range;
      const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(draft.uri), { selection, viewColumn: vscode.ViewColumn.One });
      return;
    }
    const verdict = claim.verdicts.find((v) => v.source === source.id);
    const at = verdict?.evidence ?? verdict?.hint;
    if (at === undefined) return;
    // Evidence lines and columns are 1-based; the wording runs from there.
    const start = new vscode.Position(at.line - 1, at.column - 1);
    const selection = new vscode.Range(start, start.translate(0, at.wording.length));
    await vscode.window.showTextDocument(vscode.Uri.parse(source.uri), { selection, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
