// The text edits behind the quick fixes. Each edit replaces only what it must inside the claim's span (the
// figure, the changed words of a quotation) or inserts an ignore comment; none inserts a line break, so a
// CRLF draft keeps its line endings.
import { findNumbers } from '../core/text/numbers';
import type { Span } from '../core/types';
import type { ClaimInfo } from './claim-info';

export interface Fix {
  title: string;
  edits: { span: Span; newText: string }[];
}

function matchCase(original: string, replacement: string): string {
  const o = original.charAt(0);
  const r = replacement.charAt(0);
  if (o !== o.toLowerCase() && r === r.toLowerCase() && r !== r.toUpperCase()) return r.toUpperCase() + replacement.slice(1);
  return replacement;
}

/** The distinct figures the sources that say something give, in the order of their verdicts (contradicts first):
 * worked out once per verdict list (at 10,000 sources it reads thousands of verdicts) and kept with them. */
function sourceFigures(info: ClaimInfo): string[] {
  const known = info.derived.get('source-figures') as string[] | undefined;
  if (known) return known;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...info.found.take('contradicts'), ...info.found.take('supports')]) {
    const wording = v.evidence?.wording;
    const n = wording ? findNumbers(wording)[0] : undefined;
    if (!wording || !n) continue;
    const figure = wording.slice(n.start, n.end).replace(/\s+/g, ' ');
    if (seen.has(figure.toLowerCase())) continue;
    seen.add(figure.toLowerCase());
    out.push(figure);
  }
  info.derived.set('source-figures', out);
  return out;
}

/** "Use the source's figure: approximately 11,000": one per distinct figure among the sources that say something. */
export function figureFixes(info: ClaimInfo): Fix[] {
  const c = info.claim;
  if (c.kind !== 'figure' || c.status !== 'contradicted') return [];
  const own = findNumbers(c.text)[0];
  if (!own) return [];
  const ownText = c.text.slice(own.start, own.end);
  return sourceFigures(info)
    .filter((figure) => figure.toLowerCase() !== ownText.toLowerCase())
    .map((figure) => ({
      title: `Use the source's figure: ${figure}`,
      edits: [{ span: { start: c.start + own.start, end: c.start + own.end }, newText: matchCase(ownText, figure) }],
    }));
}

const OPEN_MARKS = '"“‘«„\'';
const CLOSE_MARKS = '"”’»“\'';

/** The words between the quotation marks of a claim, as offsets into the claim's text. */
function innerOf(text: string): Span | null {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (OPEN_MARKS.includes(text.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  let end = -1;
  for (let i = text.length - 1; i >= start && start >= 0; i--) {
    if (CLOSE_MARKS.includes(text.charAt(i))) {
      end = i;
      break;
    }
  }
  return start >= 0 && end > start ? { start, end } : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `words` stand in `text` (any run of whitespace between them), if exactly once. */
function findOnce(text: string, words: string): Span | null {
  const parts = words.trim().split(/\s+/).filter((w) => w !== '');
  if (parts.length === 0) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${parts.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
  const hits = [...text.matchAll(re)];
  if (hits.length !== 1) return null;
  const m = hits[0] as RegExpMatchArray;
  return { start: m.index as number, end: (m.index as number) + m[0].length };
}

/** "Restore the quotation as <source> has it": the changed words put back, or the whole quotation when they cannot be placed. */
export function quoteFixes(info: ClaimInfo, title: (id: string) => string): Fix[] {
  const c = info.claim;
  if (c.kind !== 'quote') return [];
  const inner = innerOf(c.text);
  if (!inner) return [];
  const out: Fix[] = [];
  const seen = new Set<string>();
  if (!info.found.some('contradicts', 'diff')) return out;
  for (const v of info.found.take('contradicts')) {
    if (!v.diff || v.diff.length === 0 || !v.evidence) continue;
    const draftInner = c.text.slice(inner.start, inner.end);
    let edits: Fix['edits'] | null = [];
    for (const d of v.diff) {
      const at = d.draft.trim() !== '' && d.source.trim() !== '' ? findOnce(draftInner, d.draft) : null;
      if (!at) {
        edits = null;
        break;
      }
      edits.push({ span: { start: c.start + inner.start + at.start, end: c.start + inner.start + at.end }, newText: d.source });
    }
    if (!edits) {
      // Keep the draft's own closing punctuation inside the marks ("... them," Zelenskyy said).
      const trail = /[,.!?;:]+$/.exec(draftInner)?.[0] ?? '';
      const wording = v.evidence.wording.replace(/\s+/g, ' ').trim();
      const newText = /[,.!?;:]$/.test(wording) ? wording : wording + trail;
      edits = [{ span: { start: c.start + inner.start, end: c.start + inner.end }, newText }];
    }
    const key = edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ title: `Restore the quotation as ${title(v.source)} has it`, edits });
  }
  return out;
}

/**
 * "Credit the quotation to <speaker>": replaces the speaker's name nearest the quotation in its paragraph.
 * No fix when the name cannot be found there.
 */
export function creditFixes(info: ClaimInfo, text: string): Fix[] {
  const c = info.claim;
  if (c.kind !== 'quote' || !c.speaker || !info.found.some('contradicts', 'credited')) return [];
  const para = paragraph(text, c.start, c.end);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.speaker)}(?![\\p{L}\\p{N}])`, 'gu');
  let best: Span | null = null;
  const distance = (s: Span): number => (s.end <= c.start ? c.start - s.end : s.start - c.end);
  for (const m of text.slice(para.start, para.end).matchAll(re)) {
    const s = { start: para.start + (m.index as number), end: para.start + (m.index as number) + m[0].length };
    if (s.start < c.end && s.end > c.start) continue; // inside the quotation itself
    if (!best || distance(s) < distance(best)) best = s;
  }
  if (!best) return [];
  const out: Fix[] = [];
  const seen = new Set<string>();
  for (const v of info.found.take('contradicts')) {
    const to = v.creditedTo;
    if (!to || seen.has(to) || to === c.speaker) continue;
    seen.add(to);
    out.push({ title: `Credit the quotation to ${to}`, edits: [{ span: best, newText: to }] });
  }
  return out;
}

/** From the blank line before `start` to the blank line after `end` (quotations credit speakers within their paragraph). */
function paragraph(text: string, start: number, end: number): Span {
  const blank = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/g;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(blank)) {
    const i = m.index as number;
    if (i + m[0].length <= start) from = i + m[0].length;
    else if (i >= end) {
      to = i;
      break;
    }
  }
  return { start: from, end: to };
}

const IGNORE_COMMENT = '<!-- citecheck-ignore -->';

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i++;
  return i;
}

function lineStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && text.charAt(i - 1) !== '\n' && text.charAt(i - 1) !== '\r') i--;
  return i;
}

/**
 * "Ignore this claim", with the directive the engine reads in Markdown and plain text alike
 * (core/extract/markdown.ts): at the end of the claim's line, which silences that line, when the claim is the
 * only one there and fits on it; otherwise just before the claim, which silences the next claim.
 */
export function ignoreFix(info: ClaimInfo, text: string, others: readonly Span[]): Fix {
  const c = info.claim;
  const start = lineStart(text, c.start);
  const end = lineEnd(text, c.start);
  const alone = c.end <= end && !others.some((o) => o.start !== c.start && o.start < end && o.end > start);
  if (alone) {
    const space = end > start && !/\s/.test(text.charAt(end - 1)) ? ' ' : '';
    return { title: 'Ignore this claim', edits: [{ span: { start: end, end }, newText: `${space}${IGNORE_COMMENT}` }] };
  }
  return { title: 'Ignore this claim', edits: [{ span: { start: c.start, end: c.start }, newText: `${IGNORE_COMMENT} ` }] };
}
