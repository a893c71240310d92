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
import { dateLookupKeys, figureKeys, quoteKeys } from './keys';
import { wordFilter } from './word-filter';
import { defineSentences, sentenceBounds, sentenceText } from './source-sentences';

export interface Corpus {
  /** In the order the sources were added; verdicts follow this order. */
  sources: SourceDoc[];
  /** Source id -> its document. */
  byId: Map<string, SourceDoc>;
  /** Posting lists: key -> ids of the sources that have it (each once). Arrays, not sets: a 10,000-source corpus
   * has millions of entries. */
  postings: Map<string, string[]>;
  /** Posting lists of dated sentences: 'd:term' -> numbers of the dated sentences that have it. A date's event
   * must be named within one sentence, so candidates are counted per sentence, not per source. */
  sentencePostings: Map<string, number[]>;
  /** Dated sentence number -> the id of its source (undefined once the source is removed). */
  sentenceSource: (string | undefined)[];
  /** Each source's range [first, end) of dated sentence numbers. The keys it posted are not kept (thousands of
   * sources file under the same keys): they are worked out again from the source when it is taken out. */
  datedRange: Map<string, { first: number; end: number }>;
  /** Bumped on every change, so caches built over the whole corpus know when to rebuild. */
  version: number;
}

export function createCorpus(): Corpus {
  return { sources: [], byId: new Map(), postings: new Map(), sentencePostings: new Map(), sentenceSource: [], datedRange: new Map(), version: 0 };
}

export function indexSource(input: SourceInput): SourceDoc {
  const text = input.text;
  const sentences = splitSentences(text);
  const dates = findDates(text, sentences);
  const quotes = findQuotes(text, sentences);
  // In a source a figure inside a quotation is still evidence ("exceeds 3,000 people," Zelenskyy said).
  const figures = findFigures(text, sentences, findNumbers(text), { exclude: dates, dates });
  return defineSentences({
    id: input.id,
    title: input.title ?? null,
    path: input.path ?? null,
    text,
    sentenceBounds: sentenceBounds(sentences),
    figures,
    dates,
    quotes,
    lineStarts: lineStarts(text),
    words: wordFilter(text),
  });
}

/** Calls `each` with every key a source is filed under (a key may come more than once), and `dated` with the terms
 * of each of its dated sentences (those keys start with 'd:'). */
function eachKeyOfDoc(doc: SourceDoc, each: (key: string) => void, dated: (terms: string[]) => void): void {
  for (const f of doc.figures) for (const k of figureKeys(f)) each(k);
  for (const q of doc.quotes) for (const k of quoteKeys(q.inner)) each(k);
  let last = -1;
  // Dates come in text order: a sentence's dates are next to each other.
  for (const d of doc.dates) {
    if (d.sentence === last) continue;
    last = d.sentence;
    const s = sentenceText(doc, d.sentence);
    if (s === null) continue;
    const terms = dateLookupKeys(s);
    for (const k of terms) each(k);
    dated(terms);
  }
}

/** The keys a source is filed under (each once), and the terms of each of its dated sentences. */
function keysOfDoc(doc: SourceDoc): { keys: string[]; dated: string[][] } {
  const keys = new Set<string>();
  const dated: string[][] = [];
  eachKeyOfDoc(doc, (k) => keys.add(k), (terms) => dated.push(terms));
  return { keys: [...keys], dated };
}

/** Adds a source, or replaces the one with the same id (keeping its place in the order). */
export function addSource(corpus: Corpus, input: SourceInput): SourceDoc {
  const doc = indexSource(input);
  const existing = corpus.byId.get(doc.id);
  if (existing) {
    unpost(corpus, existing);
    corpus.sources[corpus.sources.indexOf(existing)] = doc;
  } else corpus.sources.push(doc);
  corpus.byId.set(doc.id, doc);
  corpus.version++;
  // post() takes a member once per key when its keys come together, as one source's do: no set of them is made.
  const first = corpus.sentenceSource.length;
  eachKeyOfDoc(
    doc,
    (k) => post(corpus.postings, k, doc.id),
    (terms) => {
      const member = corpus.sentenceSource.push(doc.id) - 1;
      for (const k of terms) post(corpus.sentencePostings, k, member);
    },
  );
  corpus.datedRange.set(doc.id, { first, end: corpus.sentenceSource.length });
  return doc;
}

/** Appends a member; callers post each (key, member) pair once, and a dated sentence's terms are posted together,
 * so a list never holds a member twice in a row. */
function post<T>(postings: Map<string, T[]>, key: string, member: T): void {
  const p = postings.get(key);
  if (!p) postings.set(key, [member]);
  else if (p[p.length - 1] !== member) p.push(member);
}

function unpostWhere<T>(postings: Map<string, T[]>, key: string, gone: (member: T) => boolean): void {
  const p = postings.get(key);
  if (!p) return;
  const kept = p.filter((m) => !gone(m));
  if (kept.length === 0) postings.delete(key);
  else postings.set(key, kept);
}

function unpost(corpus: Corpus, doc: SourceDoc): void {
  const id = doc.id;
  const { keys, dated } = keysOfDoc(doc);
  for (const k of keys) unpostWhere(corpus.postings, k, (m) => m === id);
  const range = corpus.datedRange.get(id);
  if (range) {
    const { first, end } = range;
    for (const k of new Set(dated.flat())) unpostWhere(corpus.sentencePostings, k, (m) => m >= first && m < end);
    for (let m = first; m < end; m++) corpus.sentenceSource[m] = undefined;
  }
  corpus.datedRange.delete(id);
}

export function removeSource(corpus: Corpus, id: string): boolean {
  const doc = corpus.byId.get(id);
  if (!doc) return false;
  unpost(corpus, doc);
  corpus.version++;
  corpus.byId.delete(id);
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

/** The keys that still tell sources apart: in a corpus of 40 or more sources, a key posted by more than a quarter
 * of them ("said", "troops" in a war archive) is left out, unless that would leave fewer than `min` keys. */
export function discriminating(corpus: Corpus, keys: readonly string[], min: number): string[] {
  const n = corpus.sources.length;
  if (n < 40) return [...new Set(keys)];
  const limit = n / 4;
  const distinct = [...new Set(keys)].filter((k) => corpus.postings.has(k));
  const rare = distinct.filter((k) => (corpus.postings.get(k)?.length ?? 0) <= limit);
  return rare.length >= min ? rare : distinct;
}
