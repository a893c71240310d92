// Sentence splitting with offsets. Knows the abbreviations news prose uses (U.S., Gen., Mr.), decimals,
// ellipses inside quotations, and closing quote marks after the full stop.
import type { Sentence, Span } from '../types';
import { isJsSpace } from './words';

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'sen', 'rep',
    'gov', 'pres', 'st', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'approx',
    'est', 'fig', 'vol', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt',
    'ft', 'rev', 'hon', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'rs',
  ],
);

// A candidate end: terminal punctuation, then any closing quotes or brackets.
const END = /[.!?…]+["'”’»)\]]*/g;

// These run for every character of every source, so they test character codes, not regexes.

function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

const LETTER_OR_DOT = /[\p{L}.]/u;

/** /[\p{L}.]/u as a test of the code unit at i. */
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DOT.test(text[i] as string);
}

/** The word (letters and inner dots) ending just before offset `i` (exclusive), lower-cased. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && isLetterOrDot(text, j - 1)) j--;
  return text.slice(j, i).toLowerCase();
}

// What may start a sentence after terminal punctuation, besides a capital: /[\d"“‘'([«¿¡*#>-]/.
const SENTENCE_OPENERS = '0123456789"\u201c\u2018\'([\u00ab\u00bf\u00a1*#>-';

function isBoundary(text: string, punctStart: number, afterEnd: number): boolean {
  const punct = text[punctStart];
  // Next non-space character after the closing marks.
  let k = afterEnd;
  let sawNewline = false;
  while (k < text.length && isJsSpace(text.charCodeAt(k))) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) sawNewline = true;
    k++;
  }
  if (k === afterEnd && k < text.length) return false; // "clear...treating", "3.5"
  if (k >= text.length || sawNewline) return true;
  const next = text[k] as string;
  if (punct === '.') {
    const w = wordBefore(text, punctStart);
    if (ABBREVIATIONS.has(w) || (w.endsWith('.') && ABBREVIATIONS.has(w.slice(0, -1)))) return false;
    // (The length and dot tests only skip regexes that cannot match.)
    if (w.length <= 2 && /^\p{L}$/u.test(w) && isUpper(text[punctStart - 1])) return false; // an initial: "John F. Kennedy"
    if (w.length >= 3 && w.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(w)) return false; // "U.S", "e.g"
  }
  if (punct === '…' || text.startsWith('...', punctStart)) {
    // An ellipsis ends a sentence only before a capital that starts a new one.
    return isUpper(next) || next === '"' || next === '\u201c' || next === '\u2018';
  }
  return isUpper(next) || SENTENCE_OPENERS.includes(next);
}

/** A blank line: where a paragraph ends. Sentences never run across one. */
export const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/;

/** The longest sentence kept whole, in UTF-16 code units. Reading a figure looks at its whole sentence, so a text
 * with no sentence ends (a pasted table, a list without full stops, a corrupt file) would be read in time that grows
 * with the square of its length; real sentences are far shorter (a 100-word sentence is about 650). */
export const MAX_SENTENCE = 2000;

/** Where to cut a run of text longer than MAX_SENTENCE that starts at `s`: after the last line break, else the last
 * space, in its second half; else at the limit itself (not between the two halves of a surrogate pair). */
function cutPoint(text: string, s: number): number {
  const limit = s + MAX_SENTENCE;
  const half = s + MAX_SENTENCE / 2;
  let space = -1;
  for (let i = limit; i > half; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
    if (space < 0 && isJsSpace(c)) space = i;
  }
  if (space > 0) return space;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Splits text into sentences. Paragraph breaks (blank lines) always end a sentence; so do line breaks
 * after terminal punctuation. A sentence longer than MAX_SENTENCE is cut into pieces. Sentences are trimmed;
 * offsets index into `text`. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && isJsSpace(text.charCodeAt(s))) s++;
    while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
    while (e - s > MAX_SENTENCE) {
      const at = cutPoint(text, s);
      push(s, at);
      s = at;
      while (s < e && isJsSpace(text.charCodeAt(s))) s++;
    }
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  // Quotation marks, found with indexOf (not by visiting every character): the next opening curly, closing
  // curly and straight quote at or after the scan position (-1: none left).
  let nextOpen = text.indexOf('\u201c');
  let nextClose = text.indexOf('\u201d');
  let nextStraight = text.indexOf('"');
  // The first closing curly and straight quote at or after a sentence end (asked for in increasing order).
  let closeAfter = nextClose;
  let straightAfter = nextStraight;
  // First cut at blank lines (paragraphs), then within each paragraph at sentence ends.
  const para = new RegExp(PARAGRAPH_BREAK.source, 'g');
  let pStart = 0;
  // The first candidate end a paragraph's search found past its own end (null: none left in the text), kept for the
  // paragraphs after it: searching again from each paragraph's start would read the rest of the text once per
  // paragraph (80,000 blank lines took 0.9 s).
  let ahead: RegExpExecArray | null | undefined;
  const cut = (ps: number, pe: number): void => {
    let s = ps;
    let m: RegExpExecArray | null;
    if (ahead === undefined || (ahead !== null && ahead.index < ps)) {
      END.lastIndex = ps;
      m = END.exec(text);
    } else {
      m = ahead;
      if (m !== null) END.lastIndex = m.index + m[0].length;
    }
    // Quotation state from the paragraph start: curly depth and straight-quote parity.
    let curly = 0;
    let straight = false;
    // Marks before the paragraph (none: paragraphs are cut at blank lines) do not count.
    while (nextOpen !== -1 && nextOpen < ps) nextOpen = text.indexOf('\u201c', nextOpen + 1);
    while (nextClose !== -1 && nextClose < ps) nextClose = text.indexOf('\u201d', nextClose + 1);
    while (nextStraight !== -1 && nextStraight < ps) nextStraight = text.indexOf('"', nextStraight + 1);
    for (; m !== null && m.index < pe; m = END.exec(text)) {
      const endAt = m.index + m[0].length;
      if (endAt > pe) break;
      // Apply the marks before the candidate end, in text order.
      const to = m.index;
      for (;;) {
        const o = nextOpen !== -1 && nextOpen < to ? nextOpen : Infinity;
        const c = nextClose !== -1 && nextClose < to ? nextClose : Infinity;
        const q = nextStraight !== -1 && nextStraight < to ? nextStraight : Infinity;
        if (o < c && o < q) {
          curly++;
          nextOpen = text.indexOf('\u201c', o + 1);
        } else if (c < q) {
          curly = Math.max(0, curly - 1);
          nextClose = text.indexOf('\u201d', c + 1);
        } else if (q !== Infinity) {
          straight = !straight;
          nextStraight = text.indexOf('"', q + 1);
        } else break;
      }
      let inQuote = false;
      if (curly > 0) {
        if (closeAfter !== -1 && closeAfter < endAt) closeAfter = text.indexOf('\u201d', endAt);
        inQuote = closeAfter !== -1 && closeAfter < pe;
      }
      if (!inQuote && straight && !m[0].includes('"') && !m[0].includes('\u201d')) {
        if (straightAfter !== -1 && straightAfter < endAt) straightAfter = text.indexOf('"', endAt);
        inQuote = straightAfter !== -1 && straightAfter < pe;
      }
      if (!inQuote && isBoundary(text, m.index, endAt)) {
        push(s, endAt);
        s = endAt;
      }
    }
    ahead = m;
    push(s, pe);
  };
  let pm: RegExpExecArray | null;
  while ((pm = para.exec(text)) !== null) {
    cut(pStart, pm.index);
    pStart = pm.index + pm[0].length;
  }
  cut(pStart, text.length);
  return splitLinesWithoutPunctuation(text, out);
}

// A line break that is not after terminal punctuation still ends a heading or a list item.
function splitLinesWithoutPunctuation(text: string, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    if (!s.text.includes('\n') && !s.text.includes('\r')) {
      out.push(s);
      continue;
    }
    let start = s.start;
    const re = /\r?\n|\r/g;
    re.lastIndex = s.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < s.end) {
      const lineStart = m.index + m[0].length;
      const prevLine = text.slice(start, m.index).trimStart();
      const nextLine = text.slice(lineStart, Math.min(s.end, lineStart + 4));
      if (/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/.test(nextLine) || /^#{1,6}\s/.test(prevLine)) {
        if (m.index > start) out.push({ start, end: m.index, text: text.slice(start, m.index) });
        start = lineStart;
      }
    }
    let e = s.end;
    while (start < e && isJsSpace(text.charCodeAt(start))) start++;
    while (e > start && isJsSpace(text.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
  }
  return out;
}

/** Index of the sentence that contains offset, or -1. Sentences must be sorted. */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
