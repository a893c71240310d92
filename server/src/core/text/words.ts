// Finding words by code rather than by a regex per word: each UTF-16 unit's class (from the Unicode
// properties \p{L} and \p{M}) is kept in a table filled on first sight. A surrogate pair (an astral letter)
// makes the scan give up, so that the caller can fall back to its regex, which handles those exactly.

import { addToHash, WORD_HASH_START } from './word-table';

const CLASS = new Uint8Array(65536); // 0: not yet known
const LETTER = 1; // starts or continues a word
const JOINER = 2; // ' ’ -: continues a word
const MARK = 3; // a combining mark: continues a word where the caller says so
const OTHER = 4;
const SURROGATE = 5;
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;

function classOf(c: number): number {
  let k = CLASS[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdfff) k = SURROGATE;
    else if (IS_LETTER.test(ch)) k = LETTER;
    else if (IS_MARK.test(ch)) k = MARK;
    else if (ch === "'" || ch === '\u2019' || ch === '-') k = JOINER;
    else k = OTHER;
    CLASS[c] = k;
  }
  return k;
}

/**
 * Calls `visit` for each word starting in [from, to): a letter followed by letters and joiners (and combining
 * marks when `marksJoin`), as its span and its wordHash (text/word-table.ts), worked out in the same pass: a caller
 * looks the word up in a WordTable without slicing it out. Returns false, having stopped, at the first surrogate:
 * the caller should then redo the stretch with its regex.
 */
export function scanWords(text: string, from: number, to: number, marksJoin: boolean, visit: (start: number, end: number, hash: number) => void): boolean {
  const n = text.length;
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === SURROGATE) return false;
    if (k !== LETTER) {
      i++;
      continue;
    }
    let h = addToHash(WORD_HASH_START, c);
    let j = i + 1;
    for (; j < n; j++) {
      c = text.charCodeAt(j);
      const kj = classOf(c);
      if (kj === SURROGATE) return false;
      if (kj === OTHER || (kj === MARK && !marksJoin)) break;
      h = addToHash(h, c);
    }
    visit(i, j, h);
    i = j;
  }
  return true;
}

/**
 * Where the run of word characters (letters, marks, joiners, surrogates) that goes on at `to` ends, or `to`. A
 * word regex that falls back from scanWords is run over text.slice(from, wordRunEnd(text, to)): every word that
 * starts before `to` is in it whole, and the regex does not read on past it looking for the next word (from each
 * figure or dated sentence to the text's end, where the text has no letters: time in the square of its length).
 */
function wordRunEnd(text: string, to: number): number {
  let i = to;
  while (i < text.length && classOf(text.charCodeAt(i)) !== OTHER) i++;
  return i;
}

/** Calls `visit` for each match of the global word regex `re` starting in [from, to), as `re` run on the whole text
 * from `from` finds them, over the window up to wordRunEnd: the fallback of a caller that scanWords gave up on. */
export function wordsByRegex(re: RegExp, text: string, from: number, to: number, visit: (word: string, at: number) => void): void {
  const part = text.slice(from, wordRunEnd(text, to));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(part)) !== null && m.index + from < to) visit(m[0], m.index + from);
}

/** /\s/ as a test of one UTF-16 code unit (false for NaN, past the end). */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
