// Hover on a claim: the verdict summary and a compact table of the sources that say something about it, each
// linked to the file at the evidence line. Everything from a source is escaped (markdown.ts).
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import type { Evidence, SourceVerdict } from '../core/types';
import type { Server } from './context';
import type { ClaimInfo } from './claim-info';
import type { DraftCheck } from './drafts';
import { claimAt } from './claims-at';
import { evidenceRange, sourceTitle } from './evidence';
import { guard } from './log';
import { around, escapeMarkdown, linkTarget } from './markdown';
import { plural } from '../cli/report';

/** Up to this many sources, the table lists every one of them, lacks included. */
const LIST_ALL = 20;
/** Above it, at most this many rows of sources that contradict it, and as many that support it: a hover is read at
 * a glance (the workspace report lists every source). */
const MAX_ROWS = 10;
/** Above it, at most this many hinted lacks rows. */
const MAX_HINTS = 5;

const VERDICT = { supports: '✓ supports', contradicts: '✗ contradicts', lacks: '– lacks' } as const;
const HEAD = { contradicted: 'contradicted', supported: 'supported', unsupported: 'not found in the sources' } as const;
const KIND = { figure: 'Figure', date: 'Date', quote: 'Quotation' } as const;

function wordingCell(e: Evidence | undefined): string {
  if (!e) return '';
  const at = e.text.indexOf(e.wording);
  if (at < 0) return `**${escapeMarkdown(e.wording)}**`;
  const p = around(e.text, at, at + e.wording.length, 160);
  return `${escapeMarkdown(p.before)}**${escapeMarkdown(p.middle)}**${escapeMarkdown(p.after)}`;
}

function row(check: DraftCheck, v: SourceVerdict): string {
  const source = check.folder.sources.get(v.source);
  const title = escapeMarkdown(sourceTitle(check.folder, v.source));
  const e = v.evidence ?? v.hint;
  let cell = title;
  if (source) {
    const line = e ? evidenceRange(e, source).start.line + 1 : null;
    cell = `[${title}](${linkTarget(line !== null ? `${source.uri}#L${line}` : source.uri)})`;
  }
  return `| ${cell} | ${VERDICT[v.verdict]} | ${wordingCell(e)} | ${escapeMarkdown(v.reason)} |`;
}

export function hoverMarkdown(check: DraftCheck, info: ClaimInfo): string {
  const c = info.claim;
  const total = check.folder.corpus.sources.length;
  let head = `**${KIND[c.kind]} ${HEAD[c.status]}** · ${escapeMarkdown(c.summary)}`;
  if (c.sourcesDisagree) head += ' · the sources disagree';
  if (c.kind === 'quote' && c.speaker) head += ` · credited to ${escapeMarkdown(c.speaker)} in the draft`;
  let listed: SourceVerdict[];
  const more: string[] = [];
  if (total <= LIST_ALL) {
    const order = { contradicts: 0, supports: 1, lacks: 2 };
    listed = [...c.verdicts].sort((a, b) => order[a.verdict] - order[b.verdict]);
  } else {
    const { found } = info;
    const contradicts = found.take('contradicts', MAX_ROWS);
    const supports = found.take('supports', MAX_ROWS);
    const hints = found.take('hinted', MAX_HINTS);
    listed = [...contradicts, ...supports, ...hints];
    const notListed = (n: number, one: string, many: string): void => {
      if (n > 0) more.push(plural(n, one, many));
    };
    notListed(found.count('contradicts') - contradicts.length, 'more source contradicts it', 'more sources contradict it');
    notListed(found.count('supports') - supports.length, 'more source supports it', 'more sources support it');
    notListed(info.lacks - hints.length, 'more source lacks it', 'more sources lack it');
  }
  if (listed.length === 0) return head;
  const lines = [head, '', '| Source | Verdict | Source’s wording | Reason |', '| --- | --- | --- | --- |', ...listed.map((v) => row(check, v))];
  if (more.length > 0) lines.push('', `${more.join('; ')}.`);
  return lines.join('\n');
}

export function registerHover(server: Server, connection: Connection): void {
  connection.onHover(
    guard(server.log, 'hover', null, async (params): Promise<Hover | null> => {
      const check = await server.checkOpen(params.textDocument.uri);
      const doc = server.documents.get(params.textDocument.uri);
      if (!check || !doc || doc.version !== check.version) return null;
      const i = claimAt(check, doc, params.position);
      if (i === null) return null;
      const info = check.info(i);
      return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(check, info) }, range: info.claim.range };
    }),
  );
}
