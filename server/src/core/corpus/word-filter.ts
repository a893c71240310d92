// A per-source Bloom filter of the words of its text (runs of a-z and 0-9 after folding), so a short quotation or
// scare quote finds the sources that may use its words without scanning every source's text. 8,192 bits (1 KB)
// a source, three probes a word: about 1 false positive in 300 for an article of 500 distinct words.

const BITS = 8192;
const MASK = BITS - 1;

/** FNV-1a over the code units of a run, continued one unit at a time. */
const FNV_OFFSET = 0x811c9dc5;
function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

function set(filter: Uint32Array, bit: number): void {
  filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
}

/** The j-th (0, 1, 2) of a word's three bits, from its hash. */
function probe(h: number, j: number): number {
  return j === 0 ? h & MASK : j === 1 ? (h >>> 13) & MASK : (Math.imul(h, 0x9e3779b1) >>> 19) & MASK;
}

function add(filter: Uint32Array, h: number): void {
  for (let j = 0; j < 3; j++) set(filter, probe(h, j));
}

/** Calls `each` with the hash of every run of [a-z0-9] in the lower-cased text (the runs of text/fold.ts's fold).
 * One pass over the code units with no per-character call: it runs over every byte of every source. */
function eachWord(text: string, each: (h: number) => void): void {
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) {
      // Lower-casing can turn a non-ASCII letter into ASCII (the Kelvin sign into k), or into two characters
      // ("İ" into "i" and a combining dot): do as fold() does.
      const lower = (text[i] as string).toLowerCase();
      if (lower.length !== 1) {
        for (let j = 0; j < lower.length; j++) {
          const d = lower.charCodeAt(j);
          if (d < 128 && ((d >= 97 && d <= 122) || (d >= 48 && d <= 57))) {
            h = fnv(inWord ? h : FNV_OFFSET, d);
            inWord = true;
          } else if (inWord) {
            each(h);
            inWord = false;
          }
        }
        continue;
      }
      c = lower.charCodeAt(0);
    } else if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      h = fnv(inWord ? h : FNV_OFFSET, c);
      inWord = true;
    } else if (inWord) {
      each(h);
      inWord = false;
    }
  }
  if (inWord) each(h);
}

export function wordFilter(text: string): Uint32Array {
  const filter = new Uint32Array(BITS / 32);
  eachWord(text, (h) => add(filter, h));
  return filter;
}

/** The bits a filter must have for every word of a phrase, as (32-bit word index, mask) pairs: worked out once for a
 * phrase tested against many filters. Empty when the phrase has no a-z or 0-9 word. */
export function wordProbes(phrase: string): Int32Array {
  const hashes: number[] = [];
  eachWord(phrase, (h) => hashes.push(h));
  const probes = new Int32Array(hashes.length * 6);
  hashes.forEach((h, i) => {
    for (let j = 0; j < 3; j++) {
      const bit = probe(h, j);
      probes[6 * i + 2 * j] = bit >>> 5;
      probes[6 * i + 2 * j + 1] = 1 << (bit & 31);
    }
  });
  return probes;
}

/** False when the text behind the filter surely lacks one of the phrase's words (its wordProbes); true when it may
 * hold them all. */
export function mayHaveAll(filter: Uint32Array, probes: Int32Array): boolean {
  for (let k = 0; k < probes.length; k += 2) if (((filter[probes[k] as number] as number) & (probes[k + 1] as number)) === 0) return false;
  return true;
}
