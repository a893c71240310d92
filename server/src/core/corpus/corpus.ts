// The source index: every source's sentences and mentions, and postings that name the sources worth
// checking a claim against (by counted thing and event, by quotation words, by the terms of dated sentences).
// Only mentions are indexed, not every word: that keeps indexing close to the cost of reading the text.
import type { SourceDoc, SourceInput } from '../types';
import { splitSentences } from '../text/sentences';
import { lineStarts } from '../text/lines';
import { findNumbers } from '../text/numbers';
import { findDates } from '../text/dates';
import { findQuotes } from '../extract/quotes';
import { findFigures } from '../extract/figures';
import { before, cutOfNumbers, earlier, MAX_NUMBERS, mentionCutoff } from '../extract/mention-limit';
import { dateLookupKeys, eachFigureKey, figureKeys, quoteKeys } from './keys';
import { contentTerms } from '../text/terms';
import { wordFilter } from './word-filter';
import { defineSentences, sentenceBounds, sentenceText } from './source-sentences';
import { packFigures } from './figure-table';

export interface Corpus {
  /** In the order the sources were added; verdicts follow this order. */
  sources: SourceDoc[];
  /** Source id -> its document. */
  byId: Map<string, SourceDoc>;
  /** Source id -> its slot: a number the source gets when first added and keeps until it is removed. Posting lists
   * name sources by slot, not by id: a number is read without hashing a string, and a check turns it into the
   * source's position in its order with one array read. */
  slotOf: Map<string, number>;
  /** Slot -> the source's id (undefined once the source is removed; a slot is not given out again). */
  idOfSlot: (string | undefined)[];
  /** Posting lists, one map per kind of key, each key -> the slots of the sources filed under it (each once).
   * Arrays, not sets: a 10,000-source corpus has millions of entries. Keys are plain terms where they can be, so
   * that filing a source makes no key string: figure keys ('f:unit|share|outcome|thing'...) and a quotation's
   * content terms. */
  figurePostings: Map<string, number[]>;
  quotePostings: Map<string, number[]>;
  /** Posting lists of dated sentences: term -> numbers of the dated sentences that have it. A date's event must be
   * named within one sentence, so candidates are counted per sentence, not per source. A source's dated sentences
   * are posted together, so they sit next to each other in every list (datedSources counts the sources). */
  sentencePostings: Map<string, number[]>;
  /** Dated sentence number -> the slot of its source (-1 once the source is removed). */
  sentenceSource: number[];
  /** Each source's range [first, end) of dated sentence numbers. The keys it posted are not kept (thousands of
   * sources file under the same keys): they are worked out again from the source when it is taken out. */
  datedRange: Map<string, { first: number; end: number }>;
  /** Bumped on every change, so caches built over the whole corpus know when to rebuild. */
  version: number;
  /** Set when this corpus is one shard of a larger one (server/src/parallel/): the whole corpus's counts, which
   * decide which of a claim's terms still tell sources apart (discriminating), so that a shard picks the same
   * candidates as the whole corpus would. */
  whole?: WholeCounts;
}

/** How many sources a whole corpus has, and how many of them have each quotation term and each dated-sentence term. */
export interface WholeCounts {
  sources: number;
  quote: Map<string, number>;
  dated: Map<string, number>;
}

/** This corpus's own counts, to be added up over the shards of a whole corpus (wholeCounts). */
export function shardCounts(corpus: Corpus): { sources: number; quote: [string, number][]; dated: [string, number][] } {
  const quote: [string, number][] = [];
  for (const [t, list] of corpus.quotePostings) quote.push([t, list.length]);
  const dated: [string, number][] = [];
  for (const t of corpus.sentencePostings.keys()) dated.push([t, datedSources(corpus, t)]);
  return { sources: corpus.sources.length, quote, dated };
}

/** The counts of a whole corpus from those of its shards (which have no source in common). */
export function wholeCounts(shards: readonly ReturnType<typeof shardCounts>[]): WholeCounts {
  const whole: WholeCounts = { sources: 0, quote: new Map(), dated: new Map() };
  for (const s of shards) {
    whole.sources += s.sources;
    for (const [t, n] of s.quote) whole.quote.set(t, (whole.quote.get(t) ?? 0) + n);
    for (const [t, n] of s.dated) whole.dated.set(t, (whole.dated.get(t) ?? 0) + n);
  }
  return whole;
}

/** Makes the corpus one shard of a whole with these counts (see Corpus.whole). */
export function setWhole(corpus: Corpus, whole: WholeCounts): void {
  corpus.whole = whole;
  corpus.version++;
}

export function createCorpus(): Corpus {
  return {
    sources: [],
    byId: new Map(),
    slotOf: new Map(),
    idOfSlot: [],
    figurePostings: new Map(),
    quotePostings: new Map(),
    sentencePostings: new Map(),
    sentenceSource: [],
    datedRange: new Map(),
    version: 0,
  };
}

export function indexSource(input: SourceInput): SourceDoc {
  const text = input.text;
  const sentences = splitSentences(text);
  const bounds = sentenceBounds(sentences);
  const dates = findDates(text, sentences);
  // A source's quotations are read for their speakers only where they match a draft's.
  const quotes = findQuotes(text, sentences, { lazySpeakers: { text, bounds } });
  // In a source a figure inside a quotation is still evidence ("exceeds 3,000 people," Zelenskyy said).
  // A text of millions of numbers is read up to its 200,000th number and its 50,000th mention (see
  // extract/mention-limit.ts); the number past the limit stays for its neighbour's sake, and is cut with its figure.
  const numbers = findNumbers(text, MAX_NUMBERS);
  const found = findFigures(text, sentences, numbers, { exclude: dates, dates });
  const cutoff = earlier(cutOfNumbers(numbers), mentionCutoff([found, dates, quotes]));
  const figures = before(found, cutoff);
  const doc = defineSentences({
    id: input.id,
    title: input.title ?? null,
    path: input.path ?? null,
    text,
    sentenceBounds: bounds,
    figures,
    dates,
    quotes,
    lineStarts: lineStarts(text),
    words: wordFilter(text),
  });
  if (cutoff !== null) {
    doc.dates = before(dates, cutoff);
    doc.quotes = before(quotes, cutoff);
    doc.readTo = cutoff;
  }
  return doc;
}

/** What a source is filed under, kind by kind: `figure` and `quote` are called with each key (a key may come more
 * than once), `dated` with the terms of each of its dated sentences (distinct ones unless filing). */
interface KeyVisitor {
  figure(key: string): void;
  quote(term: string): void;
  dated(terms: readonly string[]): void;
}

/** `filing`: the source is being filed, and keeps its figures by key (corpus/keys.ts) from the same keys. */
function eachKeyOfDoc(doc: SourceDoc, visit: KeyVisitor, filing = false): void {
  if (filing) eachFigureKey(doc, visit.figure);
  else for (const f of doc.figures) for (const k of figureKeys(f)) visit.figure(k);
  // Filing posts a key's member once however often it comes (post()), so the terms are not made distinct first.
  for (const q of doc.quotes) for (const t of filing ? contentTerms(q.inner) : quoteKeys(q.inner)) visit.quote(t);
  let last = -1;
  // Dates come in text order: a sentence's dates are next to each other.
  for (const d of doc.dates) {
    if (d.sentence === last) continue;
    last = d.sentence;
    const s = sentenceText(doc, d.sentence);
    if (s !== null) visit.dated(filing ? contentTerms(s) : dateLookupKeys(s));
  }
}

/** Adds a source, or replaces the one with the same id (keeping its place in the order and its slot). */
export function addSource(corpus: Corpus, input: SourceInput): SourceDoc {
  const doc = indexSource(input);
  const existing = corpus.byId.get(doc.id);
  let slot = corpus.slotOf.get(doc.id);
  if (existing) {
    unpost(corpus, existing);
    corpus.sources[corpus.sources.indexOf(existing)] = doc;
  } else corpus.sources.push(doc);
  if (slot === undefined) {
    slot = corpus.idOfSlot.push(doc.id) - 1;
    corpus.slotOf.set(doc.id, slot);
  }
  corpus.byId.set(doc.id, doc);
  corpus.version++;
  // post() takes a member once per key when its keys come together, as one source's do: no set of them is made.
  const first = corpus.sentenceSource.length;
  const member = slot;
  eachKeyOfDoc(doc, {
    figure: (k) => post(corpus.figurePostings, k, member),
    quote: (t) => post(corpus.quotePostings, t, member),
    dated: (terms) => {
      const sentence = corpus.sentenceSource.push(member) - 1;
      for (const t of terms) post(corpus.sentencePostings, t, sentence);
    },
  }, true);
  corpus.datedRange.set(doc.id, { first, end: corpus.sentenceSource.length });
  packFigures(doc);
  return doc;
}

/** Appends a member; callers post each (key, member) pair once, and a dated sentence's terms are posted together,
 * so a list never holds a member twice in a row. */
function post(postings: Map<string, number[]>, key: string, member: number): void {
  const p = postings.get(key);
  if (!p) postings.set(key, [member]);
  else if (p[p.length - 1] !== member) p.push(member);
}

function unpostWhere(postings: Map<string, number[]>, keys: Iterable<string>, gone: (member: number) => boolean): void {
  for (const key of keys) {
    const p = postings.get(key);
    if (!p) continue;
    const kept = p.filter((m) => !gone(m));
    if (kept.length === 0) postings.delete(key);
    else postings.set(key, kept);
  }
}

function unpost(corpus: Corpus, doc: SourceDoc): void {
  const slot = corpus.slotOf.get(doc.id);
  const figure = new Set<string>();
  const quote = new Set<string>();
  const dated = new Set<string>();
  eachKeyOfDoc(doc, { figure: (k) => figure.add(k), quote: (t) => quote.add(t), dated: (terms) => terms.forEach((t) => dated.add(t)) });
  const isSlot = (m: number): boolean => m === slot;
  unpostWhere(corpus.figurePostings, figure, isSlot);
  unpostWhere(corpus.quotePostings, quote, isSlot);
  const range = corpus.datedRange.get(doc.id);
  if (range) {
    const { first, end } = range;
    unpostWhere(corpus.sentencePostings, dated, (m) => m >= first && m < end);
    for (let m = first; m < end; m++) corpus.sentenceSource[m] = -1;
  }
  corpus.datedRange.delete(doc.id);
}

export function removeSource(corpus: Corpus, id: string): boolean {
  const doc = corpus.byId.get(id);
  if (!doc) return false;
  unpost(corpus, doc);
  corpus.version++;
  corpus.byId.delete(id);
  const slot = corpus.slotOf.get(id);
  if (slot !== undefined) corpus.idOfSlot[slot] = undefined;
  corpus.slotOf.delete(id);
  corpus.sources.splice(corpus.sources.indexOf(doc), 1);
  return true;
}

export interface BuildOptions {
  /** Called every 100 sources and at the end, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export function buildCorpus(inputs: readonly SourceInput[], options: BuildOptions = {}): Corpus {
  const corpus = createCorpus();
  const total = inputs.length;
  inputs.forEach((input, i) => {
    addSource(corpus, input);
    if (options.onProgress && ((i + 1) % 100 === 0 || i + 1 === total)) options.onProgress(i + 1, total);
  });
  return corpus;
}

/** How many sources the whole corpus has (more than this one, when it is a shard). */
export function sourceCount(corpus: Corpus): number {
  return corpus.whole?.sources ?? corpus.sources.length;
}

/** How many sources of the whole corpus quote the term (the whole's count, when this corpus is a shard). */
export function quoteSources(corpus: Corpus, term: string): number {
  return corpus.whole !== undefined ? (corpus.whole.quote.get(term) ?? 0) : (corpus.quotePostings.get(term)?.length ?? 0);
}

/** Where reading stopped in each source cut at its 50,000th mention (SourceDoc.readTo), as [id, offset] pairs. */
export function cutSources(corpus: Corpus): [string, number][] {
  const out: [string, number][] = [];
  for (const doc of corpus.sources) if (doc.readTo !== undefined) out.push([doc.id, doc.readTo]);
  return out;
}

/** How many sources have the term in a dated sentence: the runs of one source in its dated-sentence list. */
export function datedSources(corpus: Corpus, term: string): number {
  const list = corpus.sentencePostings.get(term);
  if (list === undefined) return 0;
  let n = 0;
  let last = -1;
  for (const s of list) {
    const slot = corpus.sentenceSource[s] as number;
    if (slot !== last) n++;
    last = slot;
  }
  return n;
}

/** The keys that still tell sources apart: in a corpus of 40 or more sources, a key that more than a quarter of them
 * have (`sources(key)`: "said", "troops" in a war archive) is left out, unless that would leave fewer than `min`
 * keys. Keys no source has are left out too. */
export function discriminating(corpus: Corpus, sources: (key: string) => number, keys: readonly string[], min: number): string[] {
  const n = sourceCount(corpus);
  if (n < 40) return [...new Set(keys)];
  const limit = n / 4;
  const distinct = [...new Set(keys)].filter((k) => sources(k) > 0);
  const rare = distinct.filter((k) => sources(k) <= limit);
  return rare.length >= min ? rare : distinct;
}
