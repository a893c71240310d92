// The benchmark's corpus and draft generator: deterministic, articles of about 5 KB, a 5,000-word draft.
// No timing assertions here: the benchmark prints figures, it never fails a suite on speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_POOL, generateArticles, generateDraft } from '../../bench/generate';
import { patterns, superlinear } from '../../bench/input-growth';

/** Words as a reader counts them, independently of the generator's own counter. */
function words(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

test('same seed gives the same articles and draft; another seed gives others', () => {
  const a = generateArticles(30, 42);
  const b = generateArticles(30, 42);
  assert.deepEqual(a, b);
  assert.equal(generateDraft(5000, 42), generateDraft(5000, 42));
  const c = generateArticles(30, 43);
  assert.notEqual(a[0]?.text, c[0]?.text);
  assert.notEqual(generateDraft(5000, 42), generateDraft(5000, 43));
});

test('article i does not depend on how many are generated (corpus sizes share their first articles)', () => {
  const small = generateArticles(5, 7);
  const large = generateArticles(50, 7);
  assert.deepEqual(small, large.slice(0, 5));
});

test('ids are unique file names in the seed style (NNNNN_<16 hex>.txt)', () => {
  const a = generateArticles(200, 1);
  assert.equal(new Set(a.map((x) => x.id)).size, a.length);
  for (const x of a) assert.match(x.id, /^\d{5}_[0-9a-f]{16}\.txt$/);
});

test('articles average 4.5-5.5 KB', () => {
  for (const seed of [1, 20241223]) {
    const a = generateArticles(300, seed);
    const avg = a.reduce((n, x) => n + Buffer.byteLength(x.text, 'utf8'), 0) / a.length;
    assert.ok(avg >= 4500 && avg <= 5500, `seed ${seed}: average ${avg.toFixed(0)} bytes`);
  }
});

test('articles carry figures, dates, quotations and abbreviations in the forms the engine must read', () => {
  const all = generateArticles(300, 3).map((x) => x.text).join('\n');
  for (const re of [/\b\d{1,3}(,\d{3})+ \w+/, /\b(approximately|about|around|roughly) \d/, /\b(more than|over) \d/, /\bup to \d/,
    /\bbetween \d[\d,.]* (million )?and \d/, /\d(%| percent)/, /[$£€]\d/, /\btens of thousands\b/, /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/,
    /\b(late|early) 20\d\d\b/, /\blast (January|February|March|April|May|June|July|August|September|October|November|December)\b/,
    /\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/, /\bon Christmas\b/, /“[^”]+,” \p{Lu}/u, /\w, “\p{Lu}/u,
    /"[^"]+," \p{Lu}/u, /\bU\.S\. /, /\bGen\. \p{Lu}/u]) {
    assert.match(all, re);
  }
  // A large vocabulary: many distinct word forms across a few hundred articles.
  const vocabulary = new Set(all.toLowerCase().match(/\p{L}+/gu));
  assert.ok(vocabulary.size > 1500, `${vocabulary.size} distinct words`);
});

test('the draft has 5,000 ± 5% words of Markdown with headings, figures and quotations', () => {
  for (const seed of [1, 20241223, 99]) {
    const d = generateDraft(5000, seed);
    const n = words(d);
    assert.ok(n >= 4750 && n <= 5250, `seed ${seed}: ${n} words`);
    assert.match(d, /^# /);
    assert.match(d, /^## /m);
    assert.match(d, /\d,\d{3}/);
    assert.match(d, /[“"]/);
  }
});

test('the draft repeats some source sentences word for word (claims that agree) and alters others', () => {
  const sources = generateArticles(DRAFT_POOL, 5).map((a) => a.text).join('\n');
  const lines = generateDraft(5000, 5).split('\n').map((l) => l.replace(/^(- |> |#+ )/, ''));
  const sentences = lines.flatMap((l) => l.split(/(?<=[.”"])\s+(?=[A-Z“"])/));
  const verbatim = sentences.filter((s) => /\d|[“"]/.test(s) && sources.includes(s)).length;
  const other = sentences.filter((s) => /\d|[“"]/.test(s) && !sources.includes(s)).length;
  assert.ok(verbatim >= 30, `${verbatim} verbatim claim sentences`);
  assert.ok(other >= 30, `${other} altered or new claim sentences`);
});

test('input growth: a pattern is listed as faster than linear only past 8x the time at 4x the text, and over 30 ms', () => {
  const row = (smallMs: number, largeMs: number) => ({ pattern: 'x', what: 'draft' as const, smallMs, largeMs });
  const rows = [row(10, 40), row(10, 79), row(10, 81), row(2, 20), row(5, 160), row(0.1, 25)];
  assert.deepEqual(superlinear(rows), [row(10, 81), row(5, 160)]);
  // Every token alone, then the seeded mixtures, the same for the same seed.
  assert.deepEqual(patterns(3, 7), patterns(3, 7));
  assert.equal(patterns(3, 7).length, patterns(0, 7).length + 3);
});
