// findQuotes: quote marks of every style, apostrophes that open nothing, nesting, unbalanced marks,
// Markdown block quotes, scare quotes, offsets; and the quotations of the seed articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { findQuotes } from '../../server/src/core/extract/quotes';
import { splitSentences } from '../../server/src/core/text/sentences';
import { sentenceBounds } from '../../server/src/core/corpus/source-sentences';
import { generateArticles } from '../../bench/generate';
import type { QuoteMention } from '../../server/src/core/types';

function quotes(text: string): QuoteMention[] {
  return findQuotes(text, splitSentences(text));
}

/** Offsets agree with the text, and `sentence` holds the quotation's start. */
function checkOffsets(text: string, found: readonly QuoteMention[]): void {
  const sentences = splitSentences(text);
  let prevEnd = -1;
  for (const q of found) {
    assert.equal(q.kind, 'quote');
    assert.equal(q.text, text.slice(q.start, q.end));
    assert.equal(q.inner, text.slice(q.innerStart, q.innerEnd));
    assert.ok(q.start <= q.innerStart && q.innerStart <= q.innerEnd && q.innerEnd <= q.end, JSON.stringify(q));
    assert.ok(q.start >= prevEnd, 'quotations do not overlap');
    prevEnd = q.end;
    const s = sentences[q.sentence];
    assert.ok(s !== undefined, 'sentence index in range');
    assert.ok(s.end > q.start, `sentence ${q.sentence} does not end before the quote`);
    const prev = sentences[q.sentence - 1];
    assert.ok(prev === undefined || prev.end <= q.start, 'the sentence is the first that reaches the quote');
  }
}

interface Row {
  text: string;
  /** The inner words of each quotation found, in order. */
  inner: string[];
  speaker?: (string | null)[];
  scare?: boolean[];
}

const ROWS: Row[] = [
  // Marks
  { text: 'Kirby said, "We will win."', inner: ['We will win.'], speaker: ['Kirby'], scare: [false] },
  { text: 'Kirby said, \u201cWe will win.\u201d', inner: ['We will win.'], speaker: ['Kirby'] },
  { text: '\u201cWe will win,\u201d Kirby said. "And soon," he added.', inner: ['We will win,', 'And soon,'], speaker: ['Kirby', 'Kirby'] },
  { text: 'She called it \u2018a disaster\u2019 yesterday.', inner: ['a disaster'] },
  { text: "She called it 'a disaster' yesterday.", inner: ['a disaster'] },
  { text: 'Mixed \u201cmarks here" in sloppy text.', inner: ['marks here'] },
  // Apostrophes open nothing
  { text: 'North Korea\u2019s troops haven\u2019t moved, the soldiers\u2019 families said.', inner: [] },
  { text: "North Korea's troops haven't moved, the soldiers' families said.", inner: [] },
  { text: 'In the \u201990s, rock \u2019n\u2019 roll.', inner: [] },
  {
    text: '\u201cNorth Korea\u2019s troops haven\u2019t moved,\u201d Kirby said.',
    inner: ['North Korea\u2019s troops haven\u2019t moved,'],
    speaker: ['Kirby'],
  },
  { text: 'Kirby said they \u201chaven\u2019t really been all effective.\u201d', inner: ['haven\u2019t really been all effective.'] },
  // Inch marks and stray closers
  { text: 'A 12" gun and a 6\'2" man.', inner: [] },
  { text: 'Closing only\u201d and nothing else.', inner: [] },
  // Nested: the outer quotation is the quotation
  {
    text: 'Kirby said, \u201cThey call it \u2018human wave\u2019 tactics.\u201d',
    inner: ['They call it \u2018human wave\u2019 tactics.'],
    speaker: ['Kirby'],
  },
  {
    text: '\u2018We call it \u201chuman wave\u201d tactics,\u2019 Kirby said.',
    inner: ['We call it \u201chuman wave\u201d tactics,'],
    speaker: ['Kirby'],
  },
  { text: 'He said "they called it \'hopeless\' at once" today.', inner: ["they called it 'hopeless' at once"] },
  // Unbalanced: runs to the paragraph's end, never beyond
  {
    text: 'Kirby said, \u201cthis never closes\n\nNext paragraph has a \u201creal quote\u201d here.',
    inner: ['this never closes', 'real quote'],
  },
  { text: 'A stray \u201c' + 'word '.repeat(200) + '\n\nThen \u201cshort\u201d.', inner: ['short'] },
  {
    text: '\u201cFirst paragraph of a long quotation.\n\n\u201cSecond paragraph ends it,\u201d Kirby said.',
    inner: ['First paragraph of a long quotation.', 'Second paragraph ends it,'],
  },
  // Ellipses and brackets are kept
  {
    text: 'Kirby emphasized, "It is clear...treating [them] as expendable."',
    inner: ['It is clear...treating [them] as expendable.'],
    speaker: ['Kirby'],
  },
  {
    text: 'Kirby stated, \u201cforces are conducting assaults\u2026 these troops are expendable.\u201d',
    inner: ['forces are conducting assaults\u2026 these troops are expendable.'],
  },
  // Block quotes: one quotation per block
  {
    text: 'Kirby said:\n\n> We also have reports\n> of soldiers taking their own lives.\n\nAfter the block.',
    inner: ['We also have reports\n> of soldiers taking their own lives.'],
    speaker: ['Kirby'],
    scare: [false],
  },
  {
    text: 'Intro line.\n\n> We will win this war.\n> \u2014 Kirby\n\nMore text.',
    inner: ['We will win this war.'],
    speaker: ['Kirby'],
  },
  {
    text: 'Intro line.\n\n> \u201cWe will win this war.\u201d\n\u2014 John Kirby, NSC spokesperson\n',
    inner: ['We will win this war.'],
    speaker: ['John Kirby'],
  },
  {
    text: 'As Zelenskyy put it:\n> Their losses are significant, "very significant."\n',
    inner: ['Their losses are significant, "very significant."'],
    speaker: ['Zelenskyy'],
  },
  { text: '> A block with no credit at all.\n', inner: ['A block with no credit at all.'], speaker: [null] },
  // Scare quotes
  { text: 'Russia uses so-called \u201chuman wave\u201d tactics.', inner: ['human wave'], speaker: [null], scare: [true] },
  {
    text: 'Zelenskyy said that \u201cseveral\u201d wounded soldiers had died.',
    inner: ['several'],
    scare: [true],
  },
  { text: 'Kirby said, \u201cWe will win.\u201d', inner: ['We will win.'], scare: [false] },
  { text: '\u201cWe will win,\u201d Kirby said.', inner: ['We will win,'], scare: [false] },
  { text: '\u201cWe will win,\u201d the spokesperson said.', inner: ['We will win,'], speaker: [null], scare: [false] },
  {
    text: 'The officials called it \u201ca costly and hopeless assault on positions\u201d in the report.',
    inner: ['a costly and hopeless assault on positions'],
    scare: [false],
  },
];

test('findQuotes: table', () => {
  for (const row of ROWS) {
    const found = quotes(row.text);
    const label = JSON.stringify(row.text.slice(0, 80));
    assert.deepEqual(found.map((q) => q.inner), row.inner, label);
    if (row.speaker) assert.deepEqual(found.map((q) => q.speaker), row.speaker, label);
    if (row.scare) assert.deepEqual(found.map((q) => q.scare), row.scare, label);
    checkOffsets(row.text, found);
  }
});

test('findQuotes: a quotation never crosses a paragraph break', () => {
  for (const text of ['He said "one\n\ntwo" here.', 'He said \u201cone\n \ntwo\u201d here.', 'x \u2018one\n\ntwo\u2019 y']) {
    for (const q of quotes(text)) assert.ok(!/\n[ \t]*\n/.test(q.text), JSON.stringify(q.text));
  }
});

// The seed articles: every quotation with its speaker, as a reader of the article would credit it.
const SOURCES = join(__dirname, '../../examples/sources');
const SEED: { file: string; quotes: [string, string | null, boolean][] }[] = [
  {
    file: '000_7a34a46a7e895115.txt',
    quotes: [
      ['human wave attacks', null, true],
      ['We also have reports of North Korean soldiers', 'Kirby', false],
      ['The number of killed and wounded', 'Zelenskyy', false],
      ['human wave', null, true],
      ['haven\u2019t really been all effective', 'Kirby', false],
      ['North Korean forces are conducting massed', 'Kirby', false],
      ['They have suffered [great] casualties', 'Zelenskyy', false],
    ],
  },
  {
    file: '001_9c106f335af77c77.txt',
    quotes: [
      ['Our soldiers managed to take them prisoner', 'Volodymyr Zelenskyy', false],
      ['It is clear...treating', 'Kirby', false],
      ['Everything is set up so it is impossible', 'Zelenskyy', false],
      ['We also have reports...soldiers', 'Kirby', false],
      ['Their losses are significant', 'Zelenskyy', false],
    ],
  },
  { file: '002_5af7364d9b0e9847.txt', quotes: [['friendly fire', null, true]] },
  { file: '003_4522e3bf6693631c.txt', quotes: [['expendable front-line assault units', null, false]] },
  {
    file: '004_0c89b39f0ca6556f.txt',
    quotes: [
      ['very significant', 'Volodymyr Zelenskyy', true],
      ['We see that neither the Russian military', 'Zelenskyy', false],
      ['several', 'Zelenskyy', true],
      ['human wave', 'John Kirby', true],
      ['hopeless', null, true],
      ['producing and providing self-destructing drones', null, false],
    ],
  },
];

test('findQuotes: the seed articles', () => {
  for (const { file, quotes: expected } of SEED) {
    const text = readFileSync(join(SOURCES, file), 'utf8');
    const found = quotes(text);
    checkOffsets(text, found);
    assert.equal(found.length, expected.length, `${file}: ${found.map((q) => q.inner.slice(0, 30)).join(' | ')}`);
    expected.forEach(([start, speaker, scare], k) => {
      const q = found[k] as QuoteMention;
      assert.ok(q.inner.startsWith(start), `${file} #${k}: ${q.inner.slice(0, 60)}`);
      assert.equal(q.speaker, speaker, `${file} #${k} speaker`);
      assert.equal(q.scare, scare, `${file} #${k} scare`);
    });
  }
});

// Adversarial inputs: a regex that backtracks catastrophically would hit the test's timeout. No timing is
// asserted here; speed is measured by npm run bench.
test('findQuotes: long and adversarial texts finish with consistent offsets', { timeout: 30_000 }, () => {
  const one = readFileSync(join(SOURCES, '000_7a34a46a7e895115.txt'), 'utf8');
  const unbalanced = 'He said \u201c' + 'word \u2019s '.repeat(5000);
  for (const text of [Array(100).fill(one).join('\n\n'), unbalanced, '"'.repeat(20000), '\u2018a '.repeat(20000)]) {
    const sentences = splitSentences(text);
    const found = findQuotes(text, sentences);
    checkOffsets(text, found);
  }
});

// Stray opening single quotes pile up unclosed; a closing double mark used to walk all of them looking for a
// double one (150,000 pairs took 26 s; how time grows with such inputs is measured by npm run bench). The
// quotation after them is still found.
test('findQuotes: a long run of stray marks, then a quotation', () => {
  const text = '\u2018\u201d'.repeat(150_000) + ' \u201cSome 3,000 troops were sent,\u201d Kirby said.';
  const found = findQuotes(text, splitSentences(text));
  checkOffsets(text, found);
  assert.equal(found.at(-1)?.inner, 'Some 3,000 troops were sent,');
});

test('findQuotes: any text, never throws, offsets always agree', () => {
  const unit = fc.constantFrom('a', 'B', ' ', '\n', '\n\n', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '> ', '.', ',', 'said', 'Kirby', '\u2014', '\ud800');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
      checkOffsets(text, quotes(text));
    }),
    { numRuns: 1500 },
  );
});

test('a source reads the speakers of its longer quotations on first need, and finds the ones read at once', () => {
  const seedDir = join(__dirname, '../../examples/sources');
  const texts = [
    ...readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8')),
    ...generateArticles(60).map((a) => a.text),
    'Kirby said the talks went well. “We have made real progress on the points that matter,” he said. A “human wave” came.',
  ];
  let lazy = 0;
  for (const text of texts) {
    const sentences = splitSentences(text);
    const eager = findQuotes(text, sentences);
    const later = findQuotes(text, sentences, { lazySpeakers: { text, bounds: sentenceBounds(sentences) } });
    for (const q of later) if (Object.getOwnPropertyDescriptor(q, 'speaker')?.get !== undefined) lazy++;
    // Read in reverse, so that no speaker depends on one read before it.
    const read = [...later].reverse().map((q) => q.speaker).reverse();
    assert.deepEqual(read, eager.map((q) => q.speaker));
    assert.deepEqual(JSON.parse(JSON.stringify(later)), JSON.parse(JSON.stringify(eager)));
    for (const q of later) assert.equal(Object.getOwnPropertyDescriptor(q, 'speaker')?.get, undefined, 'kept once read');
  }
  assert.ok(lazy > 100, `${lazy} speakers left to first need`);
});
