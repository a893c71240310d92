// Short quotations and scare quotes are supported wherever a source uses the same words, quoted or not.
// Those few look-ups scan each source's lower-cased text, computed once per source on first need.
import type { SourceDoc } from '../types';

const lowered = new WeakMap<SourceDoc, string>();

function lowerText(doc: SourceDoc): string {
  let t = lowered.get(doc);
  if (t === undefined) {
    t = fold(doc.text);
    lowered.set(doc, t);
  }
  return t;
}

/** Lower case, one kind of quote and apostrophe, one kind of dash, single spaces. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

/** Ids of the sources whose text contains the words (folded). */
export function scareCandidates(corpus: { sources: readonly SourceDoc[] }, words: string): string[] {
  const needle = fold(words).replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, '');
  if (needle.length < 3) return [];
  const out: string[] = [];
  for (const doc of corpus.sources) if (lowerText(doc).includes(needle)) out.push(doc.id);
  return out;
}
