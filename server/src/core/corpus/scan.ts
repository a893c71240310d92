// Short quotations and scare quotes are supported wherever a source uses the same words, quoted or not.
// Those few look-ups scan each source's lower-cased text, computed once per source on first need.
import type { SourceDoc } from '../types';
import { fold, foldedText as lowerText } from '../text/fold';
import { lastAtOrBefore } from '../text/lines';

export { fold };

interface Haystack {
  version: number;
  text: string;
  /** Where each source starts in `text`, in corpus order. */
  starts: number[];
}

const haystacks = new WeakMap<object, Haystack>();

/** All sources' folded texts in one string, built on first need and again after the corpus changes. */
function haystackOf(corpus: { sources: readonly SourceDoc[]; version: number }): Haystack {
  const cached = haystacks.get(corpus);
  if (cached && cached.version === corpus.version) return cached;
  const starts: number[] = [];
  let at = 0;
  const parts: string[] = [];
  for (const doc of corpus.sources) {
    const t = lowerText(doc);
    starts.push(at);
    parts.push(t);
    at += t.length + 1;
  }
  const h = { version: corpus.version, text: parts.join('\u0000'), starts };
  haystacks.set(corpus, h);
  return h;
}

/** Ids of the sources whose text contains the words (folded): one scan of the whole corpus. */
export function scareCandidates(corpus: { sources: readonly SourceDoc[]; version: number }, words: string): string[] {
  const needle = fold(words).replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, '');
  if (needle.length < 3) return [];
  const h = haystackOf(corpus);
  const out: string[] = [];
  let i = h.text.indexOf(needle);
  let last = -1;
  while (i !== -1) {
    // The source holding offset i: the last start at or before it.
    const lo = lastAtOrBefore(h.starts, i);
    if (lo !== last) {
      out.push((corpus.sources[lo] as SourceDoc).id);
      last = lo;
    }
    // Skip to the next source.
    const next = h.starts[lo + 1];
    if (next === undefined) break;
    i = h.text.indexOf(needle, next);
  }
  return out;
}
