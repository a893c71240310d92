// Normalised forms of quoted words, so that a draft's quotation can be compared with a source's:
// case, curly and straight quote marks and apostrophes, dashes, whitespace and trailing punctuation
// do not count. Ellipses ("..." or "…") and square brackets ("[great]") survive as markers the
// verifier reads: an ellipsis is an omission, a bracket an editorial insertion.
import { intern } from './intern';
import { WordTable, wordHash } from './word-table';

/** Double quote marks of every style, mapped to ". */
const DOUBLE_MARKS = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u301d\u301e\uff02]/g;
/** Single quote marks, apostrophes, primes and backticks, mapped to '. */
const SINGLE_MARKS = /[\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u2035\u02bc\u0060\u00b4\uff07]/g;
/** Hyphens, dashes and minus signs of every style, mapped to -; runs collapse to one. */
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d-]+/g;
/** Characters that carry nothing: zero-width spaces and joiners, soft hyphens, byte order marks. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /\s+/g;
/** Three or more dots, possibly spaced (". . ."), are one ellipsis. */
const DOTS = /\.(?: ?\.){2,}/g;
/** Trailing punctuation (and whitespace) the quote marks enclose: "families." -> "families". */
function dropTrailing(t: string): string {
  let e = t.length;
  while (e > 0 && ' .,;:!?'.includes(t[e - 1] as string)) e--;
  let s = 0;
  while (s < e && t.charCodeAt(s) === 32) s++;
  return t.slice(s, e);
}

/** The quotation's text with case, quote marks, apostrophes, dashes, whitespace and trailing punctuation
 * unified. Ellipses become "..." and square brackets stay. Idempotent; never throws. */
export function normalizeQuote(s: string): string {
  const t = s
    .toLowerCase()
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DOUBLE_MARKS, '"')
    .replace(SINGLE_MARKS, "'")
    .replace(/\u2026/g, '...')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(DOTS, '...');
  return dropTrailing(t);
}

/** A word token of a quotation, with where it stands in the text it was read from. */
export interface QuoteToken {
  /** The token, normalised: lower case, apostrophes straight. "..." for an ellipsis, "[...]" for a bracket. */
  norm: string;
  start: number;
  end: number;
}

// Words: letters and digits, with inner apostrophes (haven't, korea's) and separators between digits
// (3,000, 12.5). Hyphens and dashes split words ("self-destructing" is two tokens), so that "front-line"
// and "front line" compare equal. An ellipsis in any of its spellings, or a bracketed insertion, is one token.
const TOKEN =
  /\[[^\]\n]{0,80}\]|\.(?:\s?\.){2,}|\u2026|[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\u02bc]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** Tokens of a text with their offsets in it (the text need not be normalised). */
export function tokenSpans(s: string): QuoteToken[] {
  const out: QuoteToken[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) !== null) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    let norm: string;
    if (c === 0x5b /* [ */) norm = '[' + wordsOf(raw.slice(1, -1)).join(' ') + ']';
    else if (c === 0x2e /* . */ || c === 0x2026) norm = '...';
    else norm = raw.toLowerCase().normalize('NFC').replace(/[\u2019\u02bc]/g, "'");
    out.push({ norm, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/** Where tokens `first` to `last` of s lie: `[tokenSpans(s)[first].start, tokenSpans(s)[last].end]`, found without
 * normalising any token (a verdict's evidence needs the offsets of the few tokens it quotes); null past the end. */
export function tokenRange(s: string, first: number, last: number): [number, number] | null {
  if (isFastText(s)) {
    // As quoteNorms reads such a text, by code: the apostrophe mapped one for one keeps every offset, and case does
    // not move a token's ends.
    let i = 0;
    let start = -1;
    let range: [number, number] | null = null;
    asciiTokens(s.replace(APOSTROPHE, "'"), (a, b) => {
      if (i === first) start = a;
      if (i === last && range === null && start >= 0) range = [start, b];
      i++;
    });
    return range;
  }
  TOKEN.lastIndex = 0;
  let start = -1;
  let m: RegExpExecArray | null;
  for (let i = 0; (m = TOKEN.exec(s)) !== null; i++) {
    if (i === first) start = m.index;
    if (i === last) return start < 0 ? null : [start, m.index + m[0].length];
  }
  return null;
}

/** Characters besides ASCII that the fast path reads: the curly apostrophe (read as ') and punctuation that is neither
 * a word character, an ellipsis nor white space, and that lower-casing and NFC leave as it is. (The other apostrophe
 * TOKEN joins words with, U+02BC, is a letter too: it is left to the regex.) */
const APOSTROPHE = /\u2019/g;
const FAST_PUNCTUATION = new Set([0x2013, 0x2014, 0x2018, 0x201c, 0x201d, 0x00ab, 0x00bb, 0x2019]);

/** True when every code unit of s is ASCII or one of the punctuation marks above. */
function isFastText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 && !FAST_PUNCTUATION.has(c)) return false;
  }
  return true;
}

/** A quotation word -> its one string (text/intern.ts), looked up where it stands in the lower-cased quotation, with
 * no string sliced out for it: a corpus's quotations say a few thousand words again and again. */
const TOKENS = new WordTable<string>(intern);

/** The tokens' normalised forms alone, each the one string for its value (text/intern.ts):
 * `tokenSpans(s).map((t) => t.norm)`, made faster for the ASCII text most quotations are (curly apostrophes, quote
 * marks and dashes allowed). Lower-casing ASCII is the same per token as for the whole text, NFC changes nothing in
 * it, and the apostrophe maps to ' one for one, so the text is mapped once, scanned by code (asciiTokens) and each
 * word looked up where it stands. */
export function quoteNorms(s: string): string[] {
  if (!isFastText(s)) return tokenSpans(s).map((t) => intern(t.norm));
  const lower = s.toLowerCase().replace(APOSTROPHE, "'");
  const out: string[] = [];
  asciiTokens(lower, (start, end) => {
    const c = lower.charCodeAt(start);
    if (c === 0x5b /* [ */) out.push(intern('[' + wordsOf(lower.slice(start + 1, end - 1)).join(' ') + ']'));
    else if (c === 0x2e /* . */) out.push('...');
    else out.push(TOKENS.at(lower, start, end, wordHash(lower, start, end)));
  });
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** /\s/ on an ASCII code unit. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The TOKEN regex's matches in an ASCII text (any other character read as neither a word character nor a space), as [start, end) offsets, found by code: at each character the
 * regex's alternatives in its order (a bracket of at most 80 characters on one line, a run of three or more dots
 * with single spaces allowed between them, a word with inner apostrophes and separators between digits). */
function asciiTokens(s: string, visit: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      let j = i + 1;
      while (j < n && j - i - 1 <= 80 && s.charCodeAt(j) !== 0x5d && s.charCodeAt(j) !== 10) j++;
      if (j < n && j - i - 1 <= 80 && s.charCodeAt(j) === 0x5d) {
        visit(i, j + 1);
        i = j + 1;
      } else i++;
      continue;
    }
    if (c === 0x2e /* . */) {
      // (?:\s?\.){2,}, greedy: each step takes a dot, or a space and a dot.
      let j = i + 1;
      let dots = 1;
      for (;;) {
        if (s.charCodeAt(j) === 0x2e) j++;
        else if (isAsciiSpace(s.charCodeAt(j)) && s.charCodeAt(j + 1) === 0x2e) j += 2;
        else break;
        dots++;
      }
      if (dots >= 3) {
        visit(i, j);
        i = j;
      } else i++;
      continue;
    }
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (j < n && isAlnum(s.charCodeAt(j))) j++;
      const sep = s.charCodeAt(j);
      const joins = sep === 0x27 /* ' */ || ((sep === 0x2e || sep === 0x2c) /* . , */ && isDigit(s.charCodeAt(j - 1)) && isDigit(s.charCodeAt(j + 1)));
      if (joins && isAlnum(s.charCodeAt(j + 1))) j += 2;
      else break;
    }
    visit(i, j);
    i = j;
  }
}

const INNER_WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\u02bc]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** The words inside a bracket, normalised (a separate regex: TOKEN is mid-scan). */
function wordsOf(s: string): string[] {
  return (s.match(INNER_WORD) ?? []).map((w) => w.toLowerCase().normalize('NFC').replace(/[\u2019\u02bc]/g, "'"));
}

/** Word tokens of the normalised quotation: "3,000" stays whole, apostrophes stay inside words, an
 * ellipsis is the token "...", and a bracketed insertion is one token "[words inside]". */
export function quoteTokens(s: string): string[] {
  return tokenSpans(normalizeQuote(s)).map((t) => t.norm);
}

/** How many words a bracketed insertion holds ("[the russian army]" -> 3); at least 1. */
export function bracketWords(token: string): number {
  const inner = token.slice(1, -1).trim();
  return inner === '' ? 1 : inner.split(' ').length;
}
