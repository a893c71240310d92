// The text format: compiler-style lines a person reads at a glance, then a summary line.
import type { Claim } from '../core/types';
import { claimMessage, contradicting, num, oneLine, summaryLine, type DraftReport, type Report, type ReportSource } from './report';

/** Reason lines shown under a contradicted claim; the rest are counted. */
export const MAX_REASONS = 5;

export interface TextOptions {
  color: boolean;
  /** Leave out supported claims. */
  quiet?: boolean;
}

const STYLES = { red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39] } as const;
type Style = keyof typeof STYLES;

function painter(on: boolean) {
  return (style: Style, s: string) => (on ? `\x1b[${STYLES[style][0]}m${s}\x1b[${STYLES[style][1]}m` : s);
}

function where(claim: Claim): string {
  return `${claim.range.start.line + 1}:${claim.range.start.character + 1}`;
}

/** The lines of one draft's claims (no summary): the text format writes each draft as it is checked. */
export function textLines(draft: DraftReport, byId: ReadonlyMap<string, ReportSource>, opts: TextOptions): string[] {
  const paint = painter(opts.color);
  const lines: string[] = [];
  for (const claim of draft.claims) {
    if (opts.quiet && claim.status === 'supported') continue;
    const loc = `${draft.path}:${where(claim)}`;
    const msg = claimMessage(claim);
    if (claim.status === 'contradicted') {
      lines.push(`${paint('bold', loc)} ${paint('red', 'contradicted')} ${msg}`);
      const against = contradicting(claim);
      for (const v of against.slice(0, MAX_REASONS)) {
        const src = byId.get(v.source);
        const at = v.evidence ? `${src?.path ?? v.source}:${v.evidence.line}:${v.evidence.column}` : (src?.path ?? v.source);
        lines.push(`    ${paint('cyan', at)} ${oneLine(v.reason, 200)}`);
      }
      if (against.length > MAX_REASONS) {
        const more = against.length - MAX_REASONS;
        lines.push(paint('dim', `    … and ${num(more)} more source${more === 1 ? '' : 's'} (--format json lists them all)`));
      }
    } else if (claim.status === 'unsupported') {
      lines.push(`${loc} ${paint('yellow', 'unsupported')} ${msg}`);
    } else {
      lines.push(paint('dim', `${loc} ${paint('green', 'supported')} ${msg}`));
    }
  }
  return lines;
}

/** The summary line, in bold on a terminal. */
export function textSummary(summary: string, opts: TextOptions): string {
  return painter(opts.color)('bold', summary);
}

export function formatText(report: Report, opts: TextOptions): string {
  const byId = new Map<string, ReportSource>(report.sources.map((s) => [s.id, s]));
  const lines = report.drafts.flatMap((d) => textLines(d, byId, opts));
  lines.push(textSummary(summaryLine(report), opts));
  return lines.join('\n') + '\n';
}
