// A 30-bit signature of a small list of words: a word whose bit is not set in it is surely not in the list, so
// most look-ups that fail never scan the list. Where there are hundreds of thousands of small word lists (a
// source's quotations, its dated segments), a plain array with its signature is several times smaller than a Set.

/** A word's bit in a signature. */
export function wordBit(w: string): number {
  let h = w.length;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return 1 << ((h >>> 0) % 30);
}

/** The signature of a list of words. */
export function signatureOf(words: readonly string[]): number {
  let mask = 0;
  for (const w of words) mask |= wordBit(w);
  return mask;
}
