// The status bar item: claims and contradictions of the open drafts, or indexing progress. Click: the report.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { statusText, statusTooltip } from './statusText';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('citecheck.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Citecheck';
    this.item.command = 'citecheck.openReport';
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(sync~spin) Citecheck: Starting';
    this.item.tooltip = 'The Citecheck server is starting.';
    this.item.backgroundColor = undefined;
  }

  stopped(): void {
    this.item.text = '$(error) Citecheck: Stopped';
    this.item.tooltip = 'The Citecheck server is not running. See Citecheck: Show Output.';
    this.item.command = 'citecheck.showOutput';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  update(s: StatusParams): void {
    this.item.text = statusText(s);
    this.item.tooltip = statusTooltip(s);
    this.item.command = 'citecheck.openReport';
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
