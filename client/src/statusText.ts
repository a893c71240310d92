// The status bar's words, from the server's citecheck/status notification. No vscode import: plain to test.
import type { StatusParams } from '../../server/src/lsp/protocol';
import { count, plural } from './words';

/** "$(sync~spin) Citecheck: Indexing 1,234/2,000" or "Citecheck: 23 claims · 2 contradicted". */
export function statusText(s: StatusParams): string {
  if (s.state === 'indexing') return `$(sync~spin) Citecheck: Indexing ${count(s.indexed)}/${count(s.total)}`;
  return `Citecheck: ${plural(s.claims, 'claim')} · ${count(s.contradicted)} contradicted`;
}

export function statusTooltip(s: StatusParams): string {
  const sources = plural(s.state === 'indexing' ? s.indexed : s.total, 'source');
  const indexed = s.state === 'indexing' ? `Indexing sources: ${sources} of ${count(s.total)} so far.` : `${sources} indexed.`;
  return `${indexed} Claims and contradictions over the open drafts. Click to open the report.`;
}
