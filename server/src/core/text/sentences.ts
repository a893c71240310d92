// Sentence splitting with offsets. Knows the abbreviations news prose uses (U.S., Gen., Mr.), decimals,
// ellipses inside quotations, and closing quote marks after the full stop.
import type { Sentence } from '../types';

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

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The word (letters and inner dots) ending just before offset `i` (exclusive), lower-cased. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1] as string)) j--;
  return text.slice(j, i).toLowerCase();
}

function isBoundary(text: string, punctStart: number, afterEnd: number): boolean {
  const punct = text[punctStart];
  // Next non-space character after the closing marks.
  let k = afterEnd;
  let sawNewline = false;
  while (k < text.length && /\s/.test(text[k] as string)) {
    if (text[k] === '\n' || text[k] === '\r') sawNewline = true;
    k++;
  }
  if (k === afterEnd && k < text.length) return false; // "clear...treating", "3.5"
  if (k >= text.length || sawNewline) return true;
  const next = text[k] as string;
  if (punct === '.') {
    const w = wordBefore(text, punctStart);
    if (ABBREVIATIONS.has(w) || ABBREVIATIONS.has(w.replace(/\.$/, ''))) return false;
    if (/^\p{L}$/u.test(w) && isUpper(text[punctStart - 1])) return false; // an initial: "John F. Kennedy"
    if (/^(\p{L}\.)+\p{L}$/u.test(w)) return false; // "U.S", "e.g"
  }
  if (punct === '…' || text.startsWith('...', punctStart)) {
    // An ellipsis ends a sentence only before a capital that starts a new one.
    return isUpper(next) || /["“‘]/.test(next);
  }
  return isUpper(next) || /[\d"“‘'([«¿¡*#>-]/.test(next);
}

/** Splits text into sentences. Paragraph breaks (blank lines) always end a sentence; so do line breaks
 * after terminal punctuation. Sentences are trimmed; offsets index into `text`. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  // First cut at blank lines (paragraphs), then within each paragraph at sentence ends.
  const para = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;
  let pStart = 0;
  const cut = (ps: number, pe: number): void => {
    let s = ps;
    END.lastIndex = ps;
    let m: RegExpExecArray | null;
    // Quotation state from the paragraph start: curly depth and straight-quote parity.
    let scanned = ps;
    let curly = 0;
    let straight = false;
    while ((m = END.exec(text)) !== null && m.index < pe) {
      const endAt = m.index + m[0].length;
      if (endAt > pe) break;
      for (; scanned < m.index; scanned++) {
        const c = text.charCodeAt(scanned);
        if (c === 0x201c) curly++;
        else if (c === 0x201d) curly = Math.max(0, curly - 1);
        else if (c === 34) straight = !straight;
      }
      const inQuote = (curly > 0 && text.indexOf('\u201d', endAt) !== -1 && text.indexOf('\u201d', endAt) < pe) ||
        (straight && !/["\u201d]/.test(m[0]) && text.indexOf('"', endAt) !== -1 && text.indexOf('"', endAt) < pe);
      if (!inQuote && isBoundary(text, m.index, endAt)) {
        push(s, endAt);
        s = endAt;
      }
    }
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
    if (!/[\r\n]/.test(s.text)) {
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
    while (start < e && /\s/.test(text[start] as string)) start++;
    while (e > start && /\s/.test(text[e - 1] as string)) e--;
    if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
  }
  return out;
}

/** Index of the sentence that contains offset, or -1. Sentences must be sorted. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
