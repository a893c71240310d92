// verifyQuote against the seed articles: one row per (draft quotation, source), with the verdict a
// careful reader would give and, where it matters, the diff, who the source credits, and the evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexSource } from '../../server/src/core/corpus/corpus';
import { findQuotes } from '../../server/src/core/extract/quotes';
import { splitSentences } from '../../server/src/core/text/sentences';
import { verifyQuote } from '../../server/src/core/verify/quotes';
import type { QuoteMention, SourceDoc, SourceVerdict, Verdict } from '../../server/src/core/types';

const SOURCES = join(__dirname, '../../examples/sources');
const DOCS: Map<string, SourceDoc> = new Map(
  readdirSync(SOURCES)
    .sort()
    .map((f) => {
      const doc = indexSource({ id: f.slice(0, 3), text: readFileSync(join(SOURCES, f), 'utf8') });
      doc.quotes = findQuotes(doc.text, doc.sentences);
      return [doc.id, doc];
    }),
);

/** The first quotation of a draft sentence, speaker and all, as the draft extractor finds it. */
function draftQuote(draft: string): QuoteMention {
  const q = findQuotes(draft, splitSentences(draft))[0];
  assert.ok(q !== undefined, `no quotation in the draft ${draft}`);
  return q;
}

function doc(id: string): SourceDoc {
  const d = DOCS.get(id);
  assert.ok(d !== undefined, `no source ${id}`);
  return d;
}

interface Row {
  draft: string;
  /** Expected verdict per source id; sources not listed are not checked by this row. */
  expect: Partial<Record<string, Verdict>>;
  /** For contradictions: the word diff and who the source credits, per source. */
  diff?: Partial<Record<string, { draft: string; source: string }[]>>;
  creditedTo?: Partial<Record<string, string>>;
  /** Text the evidence's wording must contain, per source. */
  wording?: Partial<Record<string, string>>;
  /** Text the reason must contain, per source. */
  reason?: Partial<Record<string, string>>;
}

const KIRBY_FULL =
  'We also have reports of North Korean soldiers taking their own lives rather than surrendering to Ukrainian forces';

const ROWS: Row[] = [
  // The same words from the same speaker; a partial quote; an ellipsis; brackets.
  {
    draft: `Kirby said, \u201c${KIRBY_FULL}.\u201d`,
    expect: { '000': 'supports', '001': 'lacks', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
    wording: { '000': 'taking their own lives rather than surrendering to Ukrainian forces' },
    reason: { '000': 'Kirby', '001': 'only part' },
  },
  {
    draft: `Zelenskyy said, \u201c${KIRBY_FULL}.\u201d`,
    expect: { '000': 'contradicts', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
    creditedTo: { '000': 'Kirby' },
    reason: { '000': 'source credits these words to Kirby' },
  },
  {
    draft: 'Zelenskyy said they were \u201ctaking their own lives rather than surrendering.\u201d',
    expect: { '000': 'contradicts', '001': 'contradicts', '004': 'lacks' },
    creditedTo: { '000': 'Kirby', '001': 'Kirby' },
  },
  {
    draft: 'Soldiers are \u201ctaking their own lives rather than surrendering,\u201d Kirby said.',
    expect: { '000': 'supports', '001': 'supports', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
    wording: { '000': 'taking their own lives rather than surrendering', '001': 'taking their own lives rather than surrendering' },
  },
  {
    draft: 'Kirby said: \u201cWe also have reports ... rather than surrendering.\u201d',
    expect: { '000': 'supports', '001': 'supports', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
  },
  {
    draft: 'Kirby said: "We also have reports\u2026North Korean soldiers."',
    expect: { '000': 'supports', '001': 'lacks' },
  },
  {
    // Pieces out of order are not the quotation.
    draft: 'Kirby said: \u201cRather than surrendering ... we also have reports.\u201d',
    expect: { '000': 'lacks', '001': 'lacks' },
  },
  {
    draft: 'Zelenskyy said, \u201cThey have suffered [heavy] casualties.\u201d',
    expect: { '000': 'supports', '001': 'lacks', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
    wording: { '000': 'They have suffered [great] casualties' },
  },
  {
    draft: 'Zelenskyy said, \u201cThey have suffered great casualties and we see the [Russian army] and North Korean supervisors showing little concern.\u201d',
    expect: { '000': 'supports' },
  },
  {
    draft: 'Kirby emphasized, "It is clear...treating these troops as expendable."',
    expect: { '001': 'supports', '000': 'lacks' },
  },
  {
    // The source's own ellipsis: the draft may fill in the omitted words.
    draft: 'Kirby emphasized, "It is clear that Moscow is treating these troops as expendable."',
    expect: { '001': 'supports' },
    reason: { '001': 'omits' },
  },
  // Words changed, added or dropped.
  {
    draft: 'Zelenskyy said, \u201cEverything is set up so it is impossible for us to rescue them.\u201d',
    expect: { '000': 'lacks', '001': 'contradicts', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
    diff: { '001': [{ draft: 'rescue', source: 'capture' }] },
    reason: { '001': 'quotation differs: rescue \u2192 capture' },
    wording: { '001': 'impossible for us to capture them' },
  },
  {
    draft: 'Zelenskyy stated, \u201cThe number of killed and wounded North Korean soldiers already exceeds 4,000 people.\u201d',
    expect: { '000': 'contradicts', '004': 'lacks' },
    diff: { '000': [{ draft: '4,000', source: '3,000' }] },
  },
  {
    draft: 'Kirby said, \u201cWe have reports of North Korean soldiers taking their own lives rather than surrendering.\u201d',
    expect: { '000': 'contradicts' },
    diff: { '000': [{ draft: '', source: 'also' }] },
  },
  {
    draft: 'Kirby said, \u201ctaking their own lives rather than surrendering to Russian forces.\u201d',
    expect: { '000': 'contradicts', '001': 'lacks' },
    diff: { '000': [{ draft: 'russian', source: 'ukrainian' }] },
  },
  {
    draft: 'Kirby said, \u201cNorth Korean forces are conducting massed assaults against Ukrainian positions.\u201d',
    expect: { '000': 'contradicts', '001': 'lacks' },
    diff: { '000': [{ draft: '', source: 'dismounted' }] },
    reason: { '000': 'dismounted' },
  },
  {
    draft: 'Zelenskyy said, \u201cOur soldiers failed to take them prisoner.\u201d',
    expect: { '001': 'contradicts', '000': 'lacks' },
    diff: { '001': [{ draft: 'failed', source: 'managed' }] },
  },
  {
    // Words joined across the source's ellipsis are not the source's quotation.
    draft: 'Kirby said \u201cNorth Korean troops are expendable.\u201d',
    expect: { '000': 'lacks', '001': 'lacks' },
  },
  {
    draft: '\u201cTheir losses are significant -- VERY significant!\u201d Zelenskyy declared.',
    expect: { '001': 'supports', '004': 'lacks' },
  },
  // A few words from another speaker: neither supports nor contradicts.
  {
    draft: 'Kirby called the losses “very significant.”',
    expect: { '001': 'lacks', '004': 'lacks', '000': 'lacks' },
    reason: { '001': 'from Zelenskyy', '004': 'from Volodymyr Zelenskyy' },
  },
  {
    draft: 'Zelenskyy called the losses “very significant.”',
    expect: { '001': 'supports', '004': 'supports', '000': 'lacks' },
  },
  // Scare quotes and titles: the words anywhere in the source.
  {
    draft: 'Russia uses so-called \u201chuman wave\u201d tactics.',
    expect: { '000': 'supports', '001': 'lacks', '002': 'lacks', '003': 'lacks', '004': 'supports' },
    wording: { '000': 'human wave', '004': 'human wave' },
  },
  {
    draft: 'The deployment was \u201chopeless\u201d from the start.',
    expect: { '000': 'lacks', '001': 'supports', '002': 'lacks', '004': 'supports' },
  },
  {
    draft: 'Incidents of "friendly fire" were reported.',
    expect: { '000': 'lacks', '002': 'supports' },
  },
  {
    draft: 'Russia\u2019s \u201cstaggering casualties\u201d keep rising.',
    expect: { '000': 'supports', '002': 'lacks' },
    reason: { '000': 'uses the words' },
  },
  // A long quotation the source only has unquoted: not a quotation there.
  {
    draft: 'Analysts said, \u201cThe collapse of morale among these soldiers is raising alarms.\u201d',
    expect: { '000': 'lacks' },
    reason: { '000': 'not as a quotation' },
  },
  // Nothing close; short drafts sharing common words are not the same quotation.
  {
    draft: 'Kirby said, \u201cThe weather in Kursk is lovely this time of year.\u201d',
    expect: { '000': 'lacks', '001': 'lacks', '002': 'lacks', '003': 'lacks', '004': 'lacks' },
  },
  {
    draft: 'Zelenskyy said, \u201cWe see that the situation is bad.\u201d',
    expect: { '000': 'lacks', '004': 'lacks' },
  },
  {
    draft: 'Kirby said, \u201cNorth Korean soldiers are brave and well trained.\u201d',
    expect: { '000': 'lacks', '001': 'lacks', '004': 'lacks' },
  },
];

function checkEvidence(d: SourceDoc, v: SourceVerdict, label: string): void {
  if (v.verdict === 'lacks') {
    assert.equal(v.evidence, undefined, `${label}: lacks carries no evidence`);
  } else {
    assert.ok(v.evidence !== undefined, `${label}: ${v.verdict} carries evidence`);
  }
  for (const e of [v.evidence, v.hint]) {
    if (e === undefined) continue;
    assert.equal(e.wording, d.text.slice(e.start, e.end), `${label}: wording at its offsets`);
    assert.ok(e.text.length > 0 && d.text.includes(e.text), `${label}: evidence sentence is the source's`);
    const lineStart = d.lineStarts[e.line - 1];
    assert.ok(lineStart !== undefined && lineStart + e.column - 1 === e.start, `${label}: line and column`);
  }
  assert.ok(v.reason.length > 0 && !v.reason.includes('\n'), `${label}: one-line reason`);
}

test('verifyQuote: seed rows', () => {
  const failures: string[] = [];
  for (const row of ROWS) {
    const claim = draftQuote(row.draft);
    for (const [id, expected] of Object.entries(row.expect)) {
      const d = doc(id);
      const v = verifyQuote(claim, d);
      const label = `${row.draft.slice(0, 70)} vs ${id}`;
      assert.equal(v.source, id);
      if (v.verdict !== expected) {
        failures.push(`${label}: expected ${expected}, got ${v.verdict} (${v.reason})`);
        continue;
      }
      checkEvidence(d, v, label);
      const diff = row.diff?.[id];
      if (diff !== undefined) assert.deepEqual(v.diff, diff, `${label}: diff`);
      else if (v.verdict !== 'contradicts') assert.equal(v.diff, undefined, `${label}: no diff`);
      const credited = row.creditedTo?.[id];
      assert.equal(v.creditedTo, credited, `${label}: creditedTo`);
      const wording = row.wording?.[id];
      if (wording !== undefined) assert.ok(v.evidence?.wording.includes(wording), `${label}: wording ${v.evidence?.wording}`);
      const reason = row.reason?.[id];
      if (reason !== undefined) assert.ok(v.reason.includes(reason), `${label}: reason ${v.reason}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('verifyQuote: every seed quotation is supported by its own source, and each source verdict has one line', () => {
  for (const d of DOCS.values()) {
    for (const q of d.quotes) {
      const v = verifyQuote({ ...q }, d);
      assert.equal(v.verdict, 'supports', `${d.id}: ${q.inner.slice(0, 60)} (${v.reason})`);
      const e = v.evidence;
      assert.ok(e !== undefined && d.quotes.some((o) => e.start >= o.innerStart && e.end <= o.innerEnd), `${d.id}: evidence inside a quotation`);
    }
  }
});

test('verifyQuote: scare quotes match running text across hyphens, apostrophes, case and brackets', () => {
  const d = indexSource({
    id: 'synthetic',
    text: 'The so-called Human-Wave assaults cost 3,000 lives.\nNorth Korea\u2019s front line held. It was clear that they kept treating these troops badly.',
  });
  d.quotes = findQuotes(d.text, d.sentences);
  const rows: [string, Verdict, string | null][] = [
    ['so-called \u201chuman wave\u201d assaults', 'supports', 'Human-Wave'],
    ['about \u201c3,000 lives\u201d lost', 'supports', '3,000 lives'],
    ["the \u201cNorth Korea's front line\u201d held", 'supports', 'North Korea\u2019s front line'],
    ['it was \u201cclear ... treating these troops\u201d', 'supports', 'clear that they kept treating these troops'],
    ['they were \u201c[always] treating these\u201d', 'supports', 'they kept treating these'],
    ['the \u201cfront lines held\u201d', 'lacks', null],
    ['the \u201cwave human\u201d', 'lacks', null],
    ['the \u201cline held. It\u201d', 'supports', 'line held. It'],
  ];
  for (const [draft, verdict, wording] of rows) {
    const v = verifyQuote(draftQuote(draft), d);
    assert.equal(v.verdict, verdict, `${draft}: ${v.reason}`);
    assert.equal(v.evidence?.wording ?? null, wording, draft);
    checkEvidence(d, v, draft);
  }
});

test('verifyQuote: a lacks may carry the closest source quotation as a hint', () => {
  const claim = draftQuote(`Kirby said, \u201c${KIRBY_FULL}.\u201d`);
  const v = verifyQuote(claim, doc('001'));
  assert.equal(v.verdict, 'lacks');
  assert.ok(v.hint?.wording.includes('We also have reports'), v.hint?.wording);
});
