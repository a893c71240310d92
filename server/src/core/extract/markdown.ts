// Prepares a draft for extraction: blanks out what is not prose (Markdown code, front matter, link targets,
// HTML comments and tags) without moving any offset, and reads the ignore directives.
import type { Language, Span } from '../types';
import { codeSpans } from './code-spans';
import { isJsSpace } from '../text/words';
import { lastAtOrBefore } from '../text/lines';

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

/** Spans to blank out, in any order; they may overlap. */
type Blanks = Span[];

function blankMatches(text: string, blanks: Blanks, re: RegExp, group?: number): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (group === undefined) blanks.push({ start: m.index, end: m.index + m[0].length });
    else {
      const inner = m[group];
      if (inner === undefined) continue;
      const at = m.index + m[0].indexOf(inner);
      blanks.push({ start: at, end: at + inner.length });
    }
  }
}

/** The text with every blanked span's characters replaced by spaces, line breaks kept: offsets never move. */
function applyBlanks(text: string, blanks: Blanks): string {
  if (blanks.length === 0) return text;
  blanks.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const b of blanks) {
    const start = Math.max(b.start, at);
    if (b.end <= start) continue;
    out += text.slice(at, start) + text.slice(start, b.end).replace(/[^\r\n]/g, ' ');
    at = b.end;
  }
  return out + text.slice(at);
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
  // Lines are found from the text's line breaks, listed once, and the prose around a comment by reading out from it
  // to the first character that is not white space: slicing and trimming the whole line for each comment took time
  // in the square of a long line's length (a 1 MB line of ignore comments: 4.6 s).
  // Only \n ends a line here (text/lines.ts also counts a lone \r).
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  IGNORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IGNORE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const line = lastAtOrBefore(starts, m.index);
    const lineStart = starts[line] as number;
    const lineEnd = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    if (!onlySpaces(text, lineStart, m.index, -1) && onlySpaces(text, end, lineEnd, 1)) ignoredSpans.push({ start: lineStart, end: lineEnd });
    else ignoreNext.push(end);
  }
  return { ignoredSpans, ignoreNext };
}

/** Whether text[from, to) is all white space as trim() sees it (/\s/), read from the end nearest the comment
 * (`step` -1: from `to` backwards) up to the first other character. */
function onlySpaces(text: string, from: number, to: number, step: 1 | -1): boolean {
  if (step === 1) {
    for (let i = from; i < to; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  } else {
    for (let i = to - 1; i >= from; i--) if (!isJsSpace(text.charCodeAt(i))) return false;
  }
  return true;
}

export function prepareDraft(text: string, language: Language): PreparedDraft {
  const blanks: Blanks = [];
  if (language === 'markdown') {
    // Front matter at the very start.
    const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (fm) blanks.push({ start: 0, end: fm[0].length });
    // Fenced code blocks (``` or ~~~), unclosed fences run to the end. The opening run is taken whole ((?!`), (?!~)):
    // otherwise a long line of backticks with no line break after it was tried again at every shorter length.
    blankMatches(text, blanks, /^[ \t]{0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm);
    // Indented code blocks: four spaces or a tab after a blank line.
    blankMatches(text, blanks, /(?:^|\n[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|$))+)/g, 1);
    // Inline code spans (found by code: see code-spans.ts).
    for (const span of codeSpans(text)) blanks.push(span);
    // Link and image targets: the (url "title") after ](, reference definitions, autolinks.
    blankMatches(text, blanks, /\]\(((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?)\)/g, 1);
    blankMatches(text, blanks, /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm);
    blankMatches(text, blanks, /<(?:https?|mailto|ftp):[^>\s]*>/g);
    blankMatches(text, blanks, /https?:\/\/[^\s)\]>]+/g);
  }
  // HTML comments and tags (in either language: the directives are comments).
  blankMatches(text, blanks, /<!--[\s\S]*?(?:-->|(?![\s\S]))/g);
  if (language === 'markdown') blankMatches(text, blanks, /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g);
  const { ignoredSpans, ignoreNext } = directives(text);
  return { prose: applyBlanks(text, blanks), ignoredSpans, ignoreNext };
}
