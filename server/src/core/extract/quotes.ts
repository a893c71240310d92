// Finds quotations in a text: straight "..." and curly “...” double quotes, single ‘...’ quotes (an
// apostrophe as in North Korea’s or haven’t opens or closes nothing), nested quotes (the outer one is the
// quotation), Markdown block quotes (lines starting with ">": one quotation per block), and unbalanced
// marks (an unclosed double quote runs to the end of its paragraph, never beyond, and not for long).
// One pass of a regex over the quote marks, plus one over block-quote lines.
import type { QuoteMention, Sentence } from '../types';
import { sentenceAt } from '../text/sentences';
import { speakerFromLeadIn, speakerOf } from './speakers';
import { isJsSpace } from '../text/words';
import { lazyProperty } from '../lazy-property';

/** Longest closed quotation kept, in UTF-16 code units. */
const MAX_QUOTE = 2000;
/** Longest single-quoted quotation kept: a stray ‘ must not pair with a far-off soldiers’. */
const MAX_SINGLE = 400;
/** Longest unclosed quotation kept (it runs to its paragraph's end). */
const MAX_UNCLOSED = 600;

const MARKS = /["\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019']|\r?\n[ \t]*(?:\r?\n|$)|\r[ \t]*\r/g;
const BLOCK = /^[ \t]{0,3}>[^\n\r]*(?:\r?\n[ \t]{0,3}>[^\n\r]*)*/gm;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Elisions that start with a straight apostrophe and open nothing: 'tis, 'em, 'n'. */
const ELISION = /^'(?:tis|twas|em|n|cause|til)\b/i;

interface Open {
  pos: number;
  double: boolean;
  straight: boolean;
}

interface Raw {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  speaker?: string | null;
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  // ASCII by code (this runs for every quote mark and apostrophe); anything else by the regex.
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(c);
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

/** Where a quotation's speaker is read from when it is first asked for: its text and the sentences' [start, end)
 * offsets, two per sentence (one of these for all the quotations of a text). */
export interface SpeakerSource {
  text: string;
  bounds: Int32Array;
}

const speakerSources = new WeakMap<QuoteMention, SpeakerSource>();

const defineLazySpeaker = lazyProperty<QuoteMention>('speaker', true, (q): string | null => {
  const from = speakerSources.get(q);
  speakerSources.delete(q);
  if (from === undefined) return null;
  const { text, bounds } = from;
  const spans = Array.from({ length: bounds.length >> 1 }, (_, i) => ({ start: bounds[2 * i] as number, end: bounds[2 * i + 1] as number }));
  return speakerOf(text, spans, q);
});

export interface FindQuotesOptions {
  /** Read the speakers of longer quotations (those that cannot be scare quotes) on first need, from here: a source
   * holds hundreds of quotations, and a check reads the speakers of the few that match a draft's. */
  lazySpeakers?: SpeakerSource;
}

/** Quotations in `text`, in order, each with its speaker (when the text names one) and the index of the
 * sentence holding its start. inner === text.slice(innerStart, innerEnd). */
export function findQuotes(text: string, sentences: Sentence[], options: FindQuotesOptions = {}): QuoteMention[] {
  const blocks = findBlocks(text);
  const raws: Raw[] = [...blocks.map((b) => b.raw)];

  let stack: Open[] = [];
  // Where the stack's double quotes are (ascending), and how many of them are straight: a close looks for the
  // innermost double, and a straight mark asks whether any is open, without walking the stack (a run of stray
  // single quotes can make it long: 40,000 of them took time in its square).
  let doubleAt: number[] = [];
  let straightDoubles = 0;
  const push = (o: Open): void => {
    if (o.double) {
      doubleAt.push(stack.length);
      if (o.straight) straightDoubles++;
    }
    stack.push(o);
  };
  /** Drops the stack's entries from `k` on. */
  const truncate = (k: number): void => {
    while (doubleAt.length > 0 && (doubleAt[doubleAt.length - 1] as number) >= k) {
      if ((stack[doubleAt.pop() as number] as Open).straight) straightDoubles--;
    }
    stack.length = k;
  };
  const flush = (end: number): void => {
    // An unclosed double quote runs to the end of its paragraph, if it is short.
    const bottom = stack[0];
    if (bottom !== undefined && bottom.double) {
      let e = end;
      while (e > bottom.pos + 1 && isSpace(text[e - 1])) e--;
      if (e - bottom.pos <= MAX_UNCLOSED && e > bottom.pos + 1 && /[\p{L}\p{N}]/u.test(text.slice(bottom.pos + 1, e))) {
        raws.push({ start: bottom.pos, end: e, innerStart: bottom.pos + 1, innerEnd: e });
      }
    }
    stack = [];
    doubleAt = [];
    straightDoubles = 0;
  };

  const closeDouble = (i: number): void => {
    if (doubleAt.length === 0) return;
    const k = doubleAt[doubleAt.length - 1] as number;
    const open = stack[k] as Open;
    truncate(k);
    const outerDouble = doubleAt.length > 0;
    if (!outerDouble && i + 1 - open.pos <= MAX_QUOTE) {
      raws.push({ start: open.pos, end: i + 1, innerStart: open.pos + 1, innerEnd: i });
    }
  };
  const closeSingle = (k: number, i: number): void => {
    const open = stack[k] as Open;
    truncate(k);
    if (k === 0 && i + 1 - open.pos <= MAX_SINGLE && LETTER.test(text.slice(open.pos + 1, i))) {
      raws.push({ start: open.pos, end: i + 1, innerStart: open.pos + 1, innerEnd: i });
    }
  };
  const singleIndex = (): number => {
    // A single quote closes only if it is the innermost open quotation.
    const k = stack.length - 1;
    return k >= 0 && !(stack[k] as Open).double ? k : -1;
  };
  let bi = 0; // next block
  MARKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(text)) !== null) {
    const i = m.index;
    // Skip block quotes: they are paragraphs of their own.
    let skip = false;
    for (let b = blocks[bi]; b !== undefined && b.start <= i; b = blocks[++bi]) {
      flush(b.start);
      if (b.end > i) {
        MARKS.lastIndex = b.end;
        skip = true;
      }
    }
    if (skip) continue;
    const c = m[0];
    if (c.length > 1 || c === '\n' || c === '\r') {
      flush(i);
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    const closingContext = !isSpace(prev) && !isWordChar(next);
    switch (c) {
      case '\u201c': // “
      case '\u201e': // „
      case '\u00ab': // «
        if (!isSpace(next)) push({ pos: i, double: true, straight: false });
        break;
      case '\u201d': // ”
      case '\u00bb': // »
        closeDouble(i);
        break;
      case '"': {
        const straightOpen = straightDoubles > 0;
        const anyDouble = doubleAt.length > 0;
        if (straightOpen) {
          closeDouble(i);
        } else if (anyDouble && closingContext) {
          closeDouble(i); // “mixed marks"
        } else if (!isSpace(next) && !isWordChar(prev) && next !== '"') {
          push({ pos: i, double: true, straight: true });
        }
        break;
      }
      case '\u2018': // ‘
        if (!isWordChar(prev) && !isSpace(next) && !/\d/.test(next ?? '')) push({ pos: i, double: false, straight: false });
        break;
      case '\u2019': {
        // ’ is an apostrophe unless it closes an open single quote: North Korea’s, haven’t, soldiers’.
        const k = singleIndex();
        if (k >= 0 && closingContext) closeSingle(k, i);
        break;
      }
      case "'": {
        const k = singleIndex();
        if (k >= 0 && closingContext && (stack[k] as Open).straight) closeSingle(k, i);
        else if (!isWordChar(prev) && next !== undefined && LETTER.test(next) && !ELISION.test(text.slice(i, i + 6))) {
          push({ pos: i, double: false, straight: true });
        }
        break;
      }
    }
  }
  flush(text.length);

  // A quotation inside another (a double inside British single quotes, an unclosed run) is part of it.
  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Raw[] = [];
  let reach = -1;
  for (const r of raws) {
    if (r.start < reach) continue;
    kept.push(r);
    reach = r.end;
  }

  const out: QuoteMention[] = [];
  for (const r of kept) {
    const sentence = sentenceIndexAt(sentences, r.start);
    const inner = text.slice(r.innerStart, r.innerEnd);
    const lazy = options.lazySpeakers;
    if (lazy !== undefined && r.speaker === undefined && scareWithoutSpeaker(inner) === false) {
      const q = { kind: 'quote', start: r.start, end: r.end, text: text.slice(r.start, r.end), inner, innerStart: r.innerStart, innerEnd: r.innerEnd, scare: false, sentence } as QuoteMention;
      speakerSources.set(q, lazy);
      defineLazySpeaker(q);
      out.push(q);
      continue;
    }
    const speaker = r.speaker !== undefined ? r.speaker : speakerOf(text, sentences, { start: r.start, end: r.end, sentence });
    out.push({
      kind: 'quote',
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      inner,
      innerStart: r.innerStart,
      innerEnd: r.innerEnd,
      speaker,
      scare: isScare(text, inner, r.end, speaker),
      sentence,
    });
  }
  return out;
}

/** Short (at most 4 words), no sentence-ending punctuation inside, and either no speaker or used as a
 * modifier inside the sentence (“several” wounded soldiers, a “human wave” of soldiers). */
function isScare(text: string, inner: string, end: number, speaker: string | null): boolean {
  const known = scareWithoutSpeaker(inner);
  if (known !== null) return known;
  const t = inner.trim();
  if (speaker === null) return true;
  if (!isWordChar(t[t.length - 1])) return false;
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  const after = text[k];
  return after !== undefined && /[\p{Ll}\p{N}]/u.test(after);
}

/** Whether a quotation is a scare quote, when that is known without its speaker (null when it is not). */
function scareWithoutSpeaker(inner: string): boolean | null {
  const t = inner.trim();
  if (t === '') return true;
  // A trailing comma hands over to an attribution: “We will win,” he said.
  if (wordCount(t) > 4 || /[.!?…]/.test(t) || t.endsWith(',')) return false;
  return null;
}

/** t.split(/\s+/).length for a trimmed, non-empty t: one more than its runs of white space. */
function wordCount(t: string): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < t.length; i++) {
    const sp = isJsSpace(t.charCodeAt(i));
    if (sp && !inSpace) n++;
    inSpace = sp;
  }
  return n;
}

/** Index of the sentence holding `offset`, else the first sentence after it, else the last one. */
function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  const k = sentenceAt(sentences, offset);
  if (k >= 0) return k;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length ? lo : sentences.length - 1;
}

// ---------------------------------------------------------------------------------------------
// Markdown block quotes

interface Block {
  start: number;
  end: number;
  raw: Raw;
}

const CREDIT_LINE = /^[ \t]*(?:[—―–]|--?)[ \t]*(\p{Lu}[^\n\r]{0,80})$/u;
const OPENERS = '"\u201c\u201e\u00ab\u2018\'';
const CLOSERS = '"\u201d\u00bb\u2019\'';

function findBlocks(text: string): Block[] {
  const out: Block[] = [];
  if (text.indexOf('>') < 0) return out;
  BLOCK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLOCK.exec(text)) !== null) {
    if (m[0] === '') {
      BLOCK.lastIndex++;
      continue;
    }
    const start = m.index + m[0].indexOf('>');
    const blockEnd = m.index + m[0].length;
    // Lines of the block, with where their content starts (after the ">" marks).
    const lines: { contentStart: number; end: number }[] = [];
    for (let ls = m.index; ; ) {
      let le = ls;
      while (le < blockEnd && text[le] !== '\n' && text[le] !== '\r') le++;
      let cs = ls;
      while (cs < le && /[ \t>]/.test(text[cs] as string)) cs++;
      lines.push({ contentStart: cs, end: le });
      if (le >= blockEnd) break;
      ls = le + (text[le] === '\r' && text[le + 1] === '\n' ? 2 : 1);
    }
    let speaker: string | null = null;
    // "> — Kirby" as the last line: the credit, not the quotation.
    const lastLine = lines[lines.length - 1];
    if (lines.length > 1 && lastLine !== undefined) {
      const credit = CREDIT_LINE.exec(text.slice(lastLine.contentStart, lastLine.end).trimEnd());
      if (credit !== null && credit[1] !== undefined) {
        speaker = creditName(credit[1]);
        if (speaker !== null) lines.pop();
      }
    }
    let innerStart = -1;
    let innerEnd = -1;
    for (const l of lines) {
      let e = l.end;
      while (e > l.contentStart && isSpace(text[e - 1])) e--;
      if (e <= l.contentStart) continue;
      if (innerStart < 0) innerStart = l.contentStart;
      innerEnd = e;
    }
    if (innerStart < 0) continue;
    // A block that is itself one quotation in marks: the marks are not part of the words.
    const first = text[innerStart] as string;
    let lastClose = innerEnd - 1;
    while (lastClose > innerStart && /[.,;:!?]/.test(text[lastClose] as string)) lastClose--;
    if (OPENERS.includes(first) && CLOSERS.includes(text[lastClose] as string) && lastClose > innerStart) {
      const body = text.slice(innerStart + 1, lastClose);
      if (!/["\u201c\u201d]/.test(body)) {
        innerStart++;
        innerEnd = lastClose;
      }
    }
    if (speaker === null) speaker = leadInSpeaker(text, start);
    if (speaker === null) {
      // "— Kirby" on the line right after the block.
      const nl = /^\r?\n/.exec(text.slice(blockEnd, blockEnd + 2));
      if (nl !== null) {
        const after = blockEnd + nl[0].length;
        const lineEnd = text.slice(after).search(/[\r\n]|$/);
        const credit = CREDIT_LINE.exec(text.slice(after, after + lineEnd));
        if (credit !== null && credit[1] !== undefined) speaker = creditName(credit[1]);
      }
    }
    let end = blockEnd;
    while (end > start && isSpace(text[end - 1])) end--;
    out.push({ start, end: blockEnd, raw: { start, end, innerStart, innerEnd, speaker } });
  }
  return out;
}

/** "Kirby", "John Kirby, NSC spokesperson" -> the name before any comma. */
function creditName(s: string): string | null {
  const name = s.split(/[,(]/)[0]?.trim() ?? '';
  if (name === '' || name.split(/\s+/).length > 5) return null;
  return speakerFromLeadIn(name + ':');
}

/** The lead-in line just before a block ("Kirby said:"), skipping one blank line. */
function leadInSpeaker(text: string, blockStart: number): string | null {
  let e = text.lastIndexOf('\n', blockStart - 1);
  for (let tries = 0; tries < 2 && e > 0; tries++) {
    let lineEnd = e;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    const ls = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(ls, lineEnd);
    if (line.trim() !== '') return speakerFromLeadIn(line);
    e = ls - 1;
  }
  return null;
}
