// Prepares a draft for extraction: blanks out what is not prose (Markdown code, front matter, link targets,
// HTML comments and tags) without moving any offset, and reads the ignore directives.
import type { Language, Span } from '../types';

export interface PreparedDraft {
  /** Same length as the draft; non-prose replaced by spaces (line breaks kept). */
  prose: string;
  /** Spans whose claims are suppressed (citecheck-disable ... citecheck-enable passages, ignored lines). */
  ignoredSpans: Span[];
  /** Offsets of `<!-- citecheck-ignore -->` comments that suppress the next claim after them. */
  ignoreNext: number[];
}

const IGNORE = /<!--\s*citecheck-ignore\s*-->/g;
const DISABLE = /<!--\s*citecheck-disable\s*-->/g;
const ENABLE = /<!--\s*citecheck-enable\s*-->/g;

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = chars[i];
    if (c !== '\n' && c !== '\r') chars[i] = ' ';
  }
}

function blankMatches(text: string, chars: string[], re: RegExp, group?: number): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (group === undefined) blank(chars, m.index, m.index + m[0].length);
    else {
      const inner = m[group];
      if (inner === undefined) continue;
      const at = m.index + m[0].indexOf(inner);
      blank(chars, at, at + inner.length);
    }
  }
}

function directives(text: string): { ignoredSpans: Span[]; ignoreNext: number[] } {
  const ignoredSpans: Span[] = [];
  const ignoreNext: number[] = [];
  // Passages between disable and enable (an unclosed disable runs to the end).
  DISABLE.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DISABLE.exec(text)) !== null) {
    ENABLE.lastIndex = d.index;
    const e = ENABLE.exec(text);
    const end = e ? e.index : text.length;
    ignoredSpans.push({ start: d.index, end });
    DISABLE.lastIndex = Math.max(DISABLE.lastIndex, end);
  }
  // An ignore comment at the end of a line with prose before it suppresses that line; otherwise the next claim.
  IGNORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IGNORE.exec(text)) !== null) {
    const lineStart = Math.max(text.lastIndexOf('\n', m.index - 1) + 1, 0);
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) lineEnd = text.length;
    const before = text.slice(lineStart, m.index).trim();
    const after = text.slice(m.index + m[0].length, lineEnd).trim();
    if (before.length > 0 && after.length === 0) ignoredSpans.push({ start: lineStart, end: lineEnd });
    else ignoreNext.push(m.index + m[0].length);
  }
  return { ignoredSpans, ignoreNext };
}

export function prepareDraft(text: string, language: Language): PreparedDraft {
  const chars = Array.from({ length: text.length }, (_, i) => text[i] as string);
  if (language === 'markdown') {
    // Front matter at the very start.
    const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (fm) blank(chars, 0, fm[0].length);
    // Fenced code blocks (``` or ~~~), unclosed fences run to the end.
    blankMatches(text, chars, /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm);
    // Indented code blocks: four spaces or a tab after a blank line.
    blankMatches(text, chars, /(?:^|\n[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|$))+)/g, 1);
    // Inline code spans.
    blankMatches(text, chars, /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g);
    // Link and image targets: the (url "title") after ](, reference definitions, autolinks.
    blankMatches(text, chars, /\]\(((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?)\)/g, 1);
    blankMatches(text, chars, /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm);
    blankMatches(text, chars, /<(?:https?|mailto|ftp):[^>\s]*>/g);
    blankMatches(text, chars, /https?:\/\/[^\s)\]>]+/g);
  }
  // HTML comments and tags (in either language: the directives are comments).
  blankMatches(text, chars, /<!--[\s\S]*?(?:-->|(?![\s\S]))/g);
  if (language === 'markdown') blankMatches(text, chars, /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g);
  const { ignoredSpans, ignoreNext } = directives(text);
  return { prose: chars.join(''), ignoredSpans, ignoreNext };
}
