// The github format: workflow commands that GitHub Actions turns into annotations on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { findingCode } from '../core/findings';
import { claimMessage, contradicting, oneLine, summaryLine, type DraftReport, type Report } from './report';
import { MAX_REASONS } from './format-text';

/** Escaping for the message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a property value of a workflow command (also ':' and ','). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow commands of one draft's findings (no summary): the format writes each draft as it is checked. */
export function githubLines(draft: DraftReport): string[] {
  const lines: string[] = [];
  for (const claim of draft.claims) {
    const code = findingCode(claim);
    if (code === null) continue;
    const command = claim.status === 'contradicted' ? 'warning' : 'notice';
    const { start, end } = claim.range;
    const props = [
      `file=${escapeProperty(draft.path)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(`citecheck ${code}`)}`,
    ];
    const body = [`${claim.status} ${claimMessage(claim, 200)}`];
    const against = contradicting(claim);
    for (const v of against.slice(0, MAX_REASONS)) {
      const at = v.evidence ? `${v.source}:${v.evidence.line}:${v.evidence.column}` : v.source;
      body.push(`${at} ${oneLine(v.reason, 300)}`);
    }
    if (against.length > MAX_REASONS) body.push(`… and ${against.length - MAX_REASONS} more`);
    lines.push(`::${command} ${props.join(',')}::${escapeData(body.join('\n'))}`);
  }
  return lines;
}

export function formatGithub(report: Report): string {
  const lines = report.drafts.flatMap(githubLines);
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}
