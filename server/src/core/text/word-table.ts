// What a word maps to (its term, its event class), looked up by where the word stands in a text instead of by the
// word as a string. A Map keyed by words needs each word sliced out of its text and hashed afresh: millions of
// short-lived strings over a corpus whose vocabulary is a few thousand words. Here the scan that finds a word
// hashes its code units as it goes (wordHash), and the table compares the stored word with the text in place; a word
// is sliced out only the first time it is seen.

/** FNV-1a over UTF-16 code units: start from WORD_HASH_START and add each unit with addToHash. */
export const WORD_HASH_START = 0x811c9dc5 | 0;

export function addToHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The hash of text[from, to), as a scan that adds each unit would have it. */
export function wordHash(text: string, from: number, to: number): number {
  let h = WORD_HASH_START;
  for (let i = from; i < to; i++) h = addToHash(h, text.charCodeAt(i));
  return h;
}

export class WordTable<V> {
  private words: (string | undefined)[];
  private hashes: Int32Array;
  private values: V[];
  private size = 0;

  /**
   * @param valueOf the value of a word, the same for the same word every time (the table keeps it)
   * @param limit emptied when it holds this many words, so that a long-lived server's table cannot grow without end
   */
  constructor(
    private readonly valueOf: (word: string) => V,
    private readonly limit = 100_000,
  ) {
    this.words = new Array<string | undefined>(1024).fill(undefined);
    this.hashes = new Int32Array(1024);
    this.values = new Array<V>(1024);
  }

  /** The value of the word text[from, to), whose wordHash is `hash`. */
  at(text: string, from: number, to: number, hash: number): V {
    const mask = this.hashes.length - 1;
    const len = to - from;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const w = this.words[i];
      if (w === undefined) break;
      if (this.hashes[i] === hash && w.length === len && sameUnits(w, text, from)) return this.values[i] as V;
    }
    return this.add(text.slice(from, to), hash);
  }

  /** The value of a word given as a string (a caller that has one, or a regex fallback). */
  of(word: string): V {
    return this.at(word, 0, word.length, wordHash(word, 0, word.length));
  }

  private add(word: string, hash: number): V {
    const value = this.valueOf(word);
    if (this.size >= this.limit) this.clear();
    if (2 * (this.size + 1) > this.hashes.length) this.grow();
    this.put(word, hash, value);
    return value;
  }

  private put(word: string, hash: number, value: V): void {
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.words[i] !== undefined) i = (i + 1) & mask;
    this.words[i] = word;
    this.hashes[i] = hash;
    this.values[i] = value;
    this.size++;
  }

  private grow(): void {
    const { words, hashes, values } = this;
    const n = hashes.length * 2;
    this.words = new Array<string | undefined>(n).fill(undefined);
    this.hashes = new Int32Array(n);
    this.values = new Array<V>(n);
    this.size = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w !== undefined) this.put(w, hashes[i] as number, values[i] as V);
    }
  }

  private clear(): void {
    this.words.fill(undefined);
    this.values.fill(undefined as V);
    this.size = 0;
  }
}

/** text[from, from + word.length) is `word`, unit by unit. */
function sameUnits(word: string, text: string, from: number): boolean {
  for (let j = 0; j < word.length; j++) if (word.charCodeAt(j) !== text.charCodeAt(from + j)) return false;
  return true;
}
