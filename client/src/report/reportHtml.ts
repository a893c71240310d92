// The report as one HTML page: one row per claim, one column per source, the verdict in each cell.
// A pure function of the report (no vscode import), so its escaping is plain to test.
import type { ReportClaim, ReportResult } from '../../../server/src/lsp/protocol';
import type { Claim, SourceVerdict } from '../../../server/src/core/types';
import { escapeHtml as esc } from './escape';
import { claimsLine, count, plural, statusCounts } from '../words';

export interface RenderOptions {
  /** The webview's CSP source (webview.cspSource). */
  cspSource: string;
  /** A fresh random value per render: only the page's own style and script run. */
  nonce: string;
  /** How a draft or source URI is shown (a workspace-relative path). */
  label: (uri: string) => string;
}

const HINT_MAX = 40;

const SYMBOL: Record<SourceVerdict['verdict'], string> = { supports: '✓', contradicts: '✗', lacks: '–' };

export function summaryLine(report: ReportResult): string {
  const claims = report.drafts.flatMap((d) => d.claims);
  return `${claimsLine(claims)}; ${plural(report.drafts.length, 'draft')}, ${plural(report.sourceCount ?? report.sources.length, 'source')}`;
}

/** A compact report's cell: the sources of one verdict that a claim lists, each a link to its evidence, and how
 * many more there are. */
function sourceList(claim: ReportClaim, verdict: SourceVerdict['verdict'], total: number, draft: number, index: number, position: ReadonlyMap<string, number>, titles: readonly string[]): string {
  const listed = claim.verdicts.filter((v) => v.verdict === verdict && (verdict !== 'lacks' || v.hint !== undefined));
  const items = listed.map((v) => {
    const s = position.get(v.source);
    const at = v.evidence ?? v.hint;
    // As in the table: a lack's hint can be a whole sentence, and is shown only when short (its link still opens it).
    const shown = v.evidence ?? (v.hint !== undefined && v.hint.wording.length <= HINT_MAX ? v.hint : undefined);
    const name = esc(s === undefined ? v.source : (titles[s] as string));
    const link = s === undefined || at === undefined ? name : `<a href="#" data-draft="${draft}" data-claim="${index}" data-source="${s}">${name}</a>`;
    return `<li title="${esc(v.reason)}">${link}${shown === undefined ? '' : ` <span class="wording${v.evidence ? '' : ' hint'}">${esc(shown.wording)}</span>`}</li>`;
  });
  const more = total - listed.length;
  if (more > 0) items.push(`<li class="more">and ${plural(more, 'more source')}</li>`);
  return `<td class="v-${verdict}">${items.length === 0 ? '' : `<span class="symbol" aria-label="${verdict}">${SYMBOL[verdict]}</span> ${count(total)}<ul>${items.join('')}</ul>`}</td>`;
}

/** A compact report's row: the claim, its status, and the sources that contradict, support and lack it (with a hint). */
function compactRow(claim: ReportClaim, draft: number, index: number, position: ReadonlyMap<string, number>, titles: readonly string[]): string {
  const speaker = claim.speaker === null ? '' : ` <span class="speaker">(${esc(claim.speaker)})</span>`;
  const counts = claim.counts ?? { supports: 0, contradicts: 0, lacks: 0, hinted: 0 };
  return (
    `<tr class="s-${claim.status}">` +
    `<td class="claim"><a href="#" data-draft="${draft}" data-claim="${index}"><span class="kind">${claim.kind}</span> ${esc(claim.text)}</a>${speaker}` +
    `<div class="summary">${esc(claim.summary)}${claim.sourcesDisagree ? ' · the sources disagree' : ''}</div></td>` +
    `<td class="status">${claim.status}</td>` +
    sourceList(claim, 'contradicts', counts.contradicts, draft, index, position, titles) +
    sourceList(claim, 'supports', counts.supports, draft, index, position, titles) +
    sourceList(claim, 'lacks', counts.hinted, draft, index, position, titles) +
    '</tr>'
  );
}

function cell(v: SourceVerdict | undefined, draft: number, claim: number, source: number): string {
  if (v === undefined) return '<td class="v-none">?</td>';
  const at = v.evidence ?? v.hint;
  // A lack's hint is the nearest related wording, which can be a whole sentence: shown only when short.
  const shown = v.evidence ?? (v.hint !== undefined && v.hint.wording.length <= HINT_MAX ? v.hint : undefined);
  const wording = shown === undefined ? '' : `<div class="wording${shown === v.hint ? ' hint' : ''}">${esc(shown.wording)}</div>`;
  const symbol = `<span class="symbol" aria-label="${v.verdict}">${SYMBOL[v.verdict]}</span>`;
  const open = at === undefined ? symbol : `<a href="#" data-draft="${draft}" data-claim="${claim}" data-source="${source}">${symbol}</a>`;
  return `<td class="v-${v.verdict}" title="${esc(v.reason)}">${open}${wording}</td>`;
}

function claimRow(claim: Claim, draft: number, index: number, sourceIds: readonly string[]): string {
  const byId = new Map(claim.verdicts.map((v) => [v.source, v]));
  const speaker = claim.speaker === null ? '' : ` <span class="speaker">(${esc(claim.speaker)})</span>`;
  return (
    `<tr class="s-${claim.status}">` +
    `<td class="claim"><a href="#" data-draft="${draft}" data-claim="${index}"><span class="kind">${claim.kind}</span> ${esc(claim.text)}</a>${speaker}` +
    `<div class="summary">${esc(claim.summary)}${claim.sourcesDisagree ? ' · the sources disagree' : ''}</div></td>` +
    `<td class="status">${claim.status}</td>` +
    sourceIds.map((id, s) => cell(byId.get(id), draft, index, s)).join('') +
    '</tr>'
  );
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 1.3em; margin-right: auto; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
table { border-collapse: collapse; margin-top: 8px; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: var(--vscode-editor-background); max-width: 12em; overflow-wrap: anywhere; }
tr.draft th { background: var(--vscode-sideBarSectionHeader-background, #8882); }
td.claim { max-width: 32em; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.kind, .summary, .wording, .speaker { color: var(--vscode-descriptionForeground); }
.kind { text-transform: uppercase; font-size: 0.8em; }
.summary, .wording { font-size: 0.9em; }
.wording { max-width: 14em; overflow-wrap: anywhere; }
.wording.hint { font-style: italic; }
td.status { white-space: nowrap; }
tr.s-contradicted td.status, td.v-contradicts .symbol { color: var(--vscode-errorForeground); font-weight: bold; }
td.v-supports .symbol { color: var(--vscode-testing-iconPassed, #3c3); font-weight: bold; }
td.v-lacks .symbol { color: var(--vscode-descriptionForeground); }
.symbol { font-size: 1.1em; }
ul { margin: 2px 0 0; padding-left: 1.2em; }
li.more { color: var(--vscode-descriptionForeground); list-style: none; }
`;

// Posts only indices and a format name: the extension looks the URIs up in the report it rendered.
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('[data-export], [data-claim], [data-source-column]') : null;
  if (!el) return;
  e.preventDefault();
  const d = el.dataset;
  if (d.export) vscode.postMessage({ type: 'export', format: d.export });
  else if (d.sourceColumn !== undefined) vscode.postMessage({ type: 'openSource', source: Number(d.sourceColumn) });
  else vscode.postMessage({ type: 'open', draft: Number(d.draft), claim: Number(d.claim), source: d.source === undefined ? null : Number(d.source) });
});
`;

export function renderReportHtml(report: ReportResult, o: RenderOptions): string {
  const ids = report.sources.map((s) => s.id);
  // A table of every claim against every source, or, with more sources than a table can show, one row per claim
  // listing a few of the sources that contradict, support and lack it (the report is then compact).
  const compact = report.compact === true;
  const position = new Map(ids.map((id, i) => [id, i]));
  const titles = report.sources.map((s) => s.title || s.id);
  const head = compact
    ? '<th>Contradicted by</th><th>Supported by</th><th>Lacked, with a near match</th>'
    : report.sources.map((s, i) => `<th title="${esc(s.id)}"><a href="#" data-source-column="${i}">${esc(s.title || s.id)}</a></th>`).join('');
  const columns = 2 + (compact ? 3 : report.sources.length);
  const body = report.drafts
    .map((d, di) => {
      const c = statusCounts(d.claims);
      const title = `<tr class="draft"><th colspan="${columns}">${esc(o.label(d.uri))} — ${plural(d.claims.length, 'claim')}, ${c.contradicted} contradicted, ${c.unsupported} unsupported</th></tr>`;
      const rows = d.claims.map((claim, ci) => (compact ? compactRow(claim, di, ci, position, titles) : claimRow(claim, di, ci, ids))).join('');
      return title + rows;
    })
    .join('');
  const empty = report.drafts.length === 0 ? '<p>No drafts found: open a Markdown or plain-text draft, or check the citecheck.languages setting.</p>' : '';
  // Built from VS Code's own cspSource and a base64 nonce: no quote can occur in it.
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Citecheck report</title>
<style nonce="${esc(o.nonce)}">${STYLE}</style>
</head>
<body>
<header>
<h1>Citecheck report</h1>
<span class="summary">${esc(summaryLine(report))}</span>
<button data-export="json">Export JSON</button>
<button data-export="sarif">Export SARIF</button>
</header>
${empty}<table>
<thead><tr><th>Claim</th><th>Status</th>${head}</tr></thead>
<tbody>${body}</tbody>
</table>
<script nonce="${esc(o.nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}
