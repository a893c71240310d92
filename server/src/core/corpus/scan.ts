// Short quotations and scare quotes are supported wherever a source uses the same words, quoted or not.
// Each source carries a Bloom filter of its words (word-filter.ts): only the sources that may hold every word
// of the quotation have their text searched.
import type { SourceDoc } from '../types';
import { fold, foldedPattern } from '../text/fold';
import { mayHaveAll, wordProbes } from './word-filter';

/** Ids of the sources whose folded text contains the words, in corpus order. */
export function scareCandidates(corpus: { sources: readonly SourceDoc[] }, words: string): string[] {
  const needle = fold(words).replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, '');
  if (needle.length < 3) return [];
  const probes = wordProbes(needle);
  const pattern = foldedPattern(needle);
  const out: string[] = [];
  for (const doc of corpus.sources) {
    // Words outside a-z and 0-9 (another script) are not in the filters: those needles search every source.
    if (probes.length > 0 && !mayHaveAll(doc.words, probes)) continue;
    if (pattern.test(doc.text)) out.push(doc.id);
  }
  return out;
}
