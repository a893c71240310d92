// Candidate sources: the lookup by positions must name exactly the sources the posting lists name, counted the
// way the spec of each kind says (any key for a figure; most of a quotation's rare words; two rare words of one
// dated sentence for a date), plus the scare-quote scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { buildCorpus, extractClaims, type Corpus } from '../../server/src/core/check';
import { CandidateLookup, sentenceWithout } from '../../server/src/core/candidates';
import { datedSources, discriminating } from '../../server/src/core/corpus/corpus';
import { dateLookupKeys, figureLookupKeys, quoteKeys } from '../../server/src/core/corpus/keys';
import { scareCandidates } from '../../server/src/core/corpus/scan';
import type { Mention, QuoteMention } from '../../server/src/core/types';
import { generateArticles, generateDraft } from '../../bench/generate';

/** The same selection, the plain way: sets of ids, counted with maps. */
function reference(corpus: Corpus, m: Mention, sentence: string): Set<string> {
  const atLeast = (lists: Map<string, readonly number[]>, keys: readonly string[], min: number, idOf: (x: number) => string | undefined): Set<string> => {
    const hits = new Map<number, number>();
    const out = new Set<string>();
    for (const k of new Set(keys)) {
      for (const x of lists.get(k) ?? []) {
        const n = (hits.get(x) ?? 0) + 1;
        hits.set(x, n);
        const id = idOf(x);
        if (n >= Math.max(1, min) && id !== undefined) out.add(id);
      }
    }
    return out;
  };
  const ofSlot = (slot: number): string | undefined => corpus.idOfSlot[slot];
  if (m.kind === 'figure') return atLeast(corpus.figurePostings, figureLookupKeys(m), 1, ofSlot);
  if (m.kind === 'date') {
    const keys = discriminating(corpus, (t) => datedSources(corpus, t), dateLookupKeys(sentenceWithout(sentence, m)), 2);
    return keys.length === 0 ? new Set() : atLeast(corpus.sentencePostings, keys, Math.min(2, keys.length), (x) => ofSlot(corpus.sentenceSource[x] as number));
  }
  const q = m as QuoteMention;
  const all = quoteKeys(q.inner);
  const keys = discriminating(corpus, (t) => corpus.quotePostings.get(t)?.length ?? 0, all, Math.min(all.length, 2));
  const ids = keys.length === 0 ? new Set<string>() : atLeast(corpus.quotePostings, keys, Math.min(keys.length, Math.max(2, Math.ceil(keys.length * 0.6))), ofSlot);
  if (q.scare || q.inner.split(/\s+/).length <= 6) for (const id of scareCandidates(corpus, q.inner)) ids.add(id);
  return ids;
}

function same(corpus: Corpus, draft: string, language: 'markdown' | 'plaintext'): number {
  const order = corpus.sources.slice();
  const lookup = new CandidateLookup(corpus, order);
  const d = extractClaims(draft, { language });
  let compared = 0;
  for (const m of d.mentions) {
    const s = d.sentences[m.sentence];
    const sentence = s ? draft.slice(s.start, s.end) : '';
    const got = lookup.of(m, sentence);
    assert.equal(new Set(got).size, got.length, `${m.text}: each source once`);
    assert.deepEqual(new Set(got.map((i) => order[i]!.id)), reference(corpus, m, sentence), m.text);
    compared += got.length;
  }
  return compared;
}

test('candidates of the example drafts against the example sources are those the posting lists name', () => {
  const dir = 'examples/sources';
  const corpus = buildCorpus(readdirSync(dir).sort().map((n) => ({ id: n, text: readFileSync(`${dir}/${n}`, 'utf8') })));
  let n = 0;
  for (const name of readdirSync('examples/drafts')) n += same(corpus, readFileSync(`examples/drafts/${name}`, 'utf8'), name.endsWith('.md') ? 'markdown' : 'plaintext');
  assert.ok(n > 50);
});

test('candidates of a generated draft against 300 generated sources (rare keys only) are those the posting lists name', () => {
  const corpus = buildCorpus(generateArticles(300, 7));
  assert.ok(same(corpus, generateDraft(1500, 7), 'markdown') > 1000);
});

test('a quotation in running text is a candidate even where its source quotes too few of its words', () => {
  const corpus = buildCorpus([
    { id: 'a.txt', text: 'The minister said the plan was "a bold new start for the region" on Monday.' },
    // Quotes one of the words (counted, below the bar), and has the words as running text (the scan).
    { id: 'b.txt', text: 'Critics called it "bold". They said it was a bold new start, no more.' },
    { id: 'c.txt', text: 'Nothing to see here.' },
  ]);
  const draft = 'The plan was a "bold new start," he said.';
  const d = extractClaims(draft, { language: 'plaintext' });
  const q = d.mentions.find((m) => m.kind === 'quote');
  assert.ok(q);
  const lookup = new CandidateLookup(corpus, corpus.sources);
  assert.deepEqual(lookup.of(q, draft).map((i) => corpus.sources[i]!.id).sort(), ['a.txt', 'b.txt']);
  assert.deepEqual(lookup.of(q, draft).map((i) => corpus.sources[i]!.id).sort(), ['a.txt', 'b.txt'], 'the same when looked up again');
});
