// Which sources a claim is verified against: those filed under the keys of its quantity, its event or its
// quotation's words (corpus/keys.ts). Collected as positions in the check's source order, without a set or a map
// per claim: each position is marked with the number of the lookup that last saw it. At 10,000 sources a figure
// claim has thousands of candidates, and an editor looks them up again for every claim an edit touches.
import type { DateMention, Mention, QuoteMention, SourceDoc } from './types';
import type { Corpus } from './corpus/corpus';
import { datedSources, discriminating, quoteSources } from './corpus/corpus';
import { dateLookupKeys, figureLookupKeys, quoteKeys } from './corpus/keys';
import { scareCandidates } from './corpus/scan';

/** The draft sentence around a date, without the date: what its event is looked up by. */
export function sentenceWithout(sentence: string, m: Mention): string {
  return sentence.replace(m.text, ' ');
}

export class CandidateLookup {
  /** Per slot of the corpus (corpus.ts): the source's position in the check's order, or -1. */
  private readonly position: Int32Array;
  /** Per source position: the lookup that last gave it out; the lookup that last counted its keys, and how many. */
  private readonly seen: Int32Array;
  private readonly counted: Int32Array;
  private readonly hits: Int32Array;
  /** The same per dated sentence, made on the first date looked up. */
  private sentenceSeen: Int32Array | null = null;
  private sentenceHits: Int32Array | null = null;
  private lookup = 0;
  /** How many sources have each term in a dated sentence, counted on first need (once per corpus version). */
  private readonly dated = new Map<string, number>();

  /** `order`: the corpus's sources in the order of the check; positions are indexes into it. */
  constructor(
    private readonly corpus: Corpus,
    order: readonly SourceDoc[],
  ) {
    this.position = new Int32Array(corpus.idOfSlot.length).fill(-1);
    order.forEach((d, i) => {
      const slot = corpus.slotOf.get(d.id);
      if (slot !== undefined) this.position[slot] = i;
    });
    this.seen = new Int32Array(order.length);
    this.counted = new Int32Array(order.length);
    this.hits = new Int32Array(order.length);
  }

  /** The positions of the sources a claim is verified against (each once, in no particular order). */
  of(m: Mention, draftSentence: string): number[] {
    this.lookup++;
    const out: number[] = [];
    const { corpus } = this;
    if (m.kind === 'figure') {
      this.any(corpus.figurePostings, figureLookupKeys(m), out);
      return out;
    }
    // A date's event or a quotation's words must be shared in good part, not by one common word.
    if (m.kind === 'date') {
      const keys = discriminating(corpus, (t) => this.datedSources(t), dateLookupKeys(sentenceWithout(draftSentence, m as DateMention)), 2);
      this.inDatedSentence(keys, Math.min(2, keys.length), out);
      return out;
    }
    const q = m as QuoteMention;
    const all = quoteKeys(q.inner);
    const keys = discriminating(corpus, (t) => quoteSources(corpus, t), all, Math.min(all.length, 2));
    // The verifier calls two quotations the same only when most of the draft's words align, so a source that
    // quotes fewer than 60% of its content words can only lack it (scare quotes are found by the scan below).
    this.atLeast(corpus.quotePostings, keys, Math.min(keys.length, Math.max(2, Math.ceil(keys.length * 0.6))), out);
    if (q.scare || q.inner.split(/\s+/).length <= 6) for (const id of scareCandidates(corpus, q.inner)) this.add(corpus.slotOf.get(id), out);
    return out;
  }

  /** How many sources of the whole corpus have the term in a dated sentence (the whole's count, for a shard). */
  private datedSources(term: string): number {
    if (this.corpus.whole !== undefined) return this.corpus.whole.dated.get(term) ?? 0;
    let n = this.dated.get(term);
    if (n === undefined) this.dated.set(term, (n = datedSources(this.corpus, term)));
    return n;
  }

  /** Gives out the source in `slot`, once per lookup. */
  private add(slot: number | undefined, out: number[]): void {
    const i = slot === undefined || slot < 0 || slot >= this.position.length ? -1 : (this.position[slot] as number);
    if (i < 0 || this.seen[i] === this.lookup) return;
    this.seen[i] = this.lookup;
    out.push(i);
  }

  /** Sources posted under any of the keys. */
  private any(postings: Map<string, number[]>, keys: readonly string[], out: number[]): void {
    for (const k of keys) for (const slot of postings.get(k) ?? []) this.add(slot, out);
  }

  /** Sources posted under at least `min` of the (distinct) keys. */
  private atLeast(postings: Map<string, number[]>, keys: readonly string[], min: number, out: number[]): void {
    if (min <= 1) {
      this.any(postings, keys, out);
      return;
    }
    const { counted, hits, lookup, position } = this;
    for (const k of new Set(keys)) {
      for (const slot of postings.get(k) ?? []) {
        const i = slot < position.length ? (position[slot] as number) : -1;
        if (i < 0) continue;
        if (counted[i] !== lookup) {
          counted[i] = lookup;
          hits[i] = 0;
        }
        if (++(hits[i] as number) === min) this.add(slot, out);
      }
    }
  }

  /** Sources with one dated sentence posted under at least `min` of the (distinct) keys. */
  private inDatedSentence(keys: readonly string[], min: number, out: number[]): void {
    const n = this.corpus.sentenceSource.length;
    if (this.sentenceSeen === null || this.sentenceSeen.length < n) {
      this.sentenceSeen = new Int32Array(n);
      this.sentenceHits = new Int32Array(n);
    }
    const seen = this.sentenceSeen;
    const hits = this.sentenceHits as Int32Array;
    const lookup = this.lookup;
    for (const k of new Set(keys)) {
      for (const s of this.corpus.sentencePostings.get(k) ?? []) {
        if (seen[s] !== lookup) {
          seen[s] = lookup;
          hits[s] = 0;
        }
        if (++(hits[s] as number) === min) this.add(this.corpus.sentenceSource[s], out);
      }
    }
  }
}
