// Speaker attribution: every pattern the extractor knows, titles stripped, pronouns resolved; and
// sameSpeaker's surname comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSpeaker, speakerOf } from '../../server/src/core/extract/speakers';
import { findQuotes } from '../../server/src/core/extract/quotes';
import { splitSentences } from '../../server/src/core/text/sentences';
import { sentenceAt } from '../../server/src/core/text/sentences';

/** The speaker of the quotation that starts at the first \u201c (or " if none) in the text. */
function speakerOfFirst(text: string): string | null {
  const sentences = splitSentences(text);
  let start = text.indexOf('\u201c');
  let close = '\u201d';
  if (start < 0) {
    start = text.indexOf('"');
    close = '"';
  }
  assert.ok(start >= 0, `no quotation in ${text}`);
  const end = text.indexOf(close, start + 1) + 1;
  assert.ok(end > start, `unclosed quotation in ${text}`);
  return speakerOf(text, sentences, { start, end, sentence: sentenceAt(sentences, start) });
}

const ROWS: [string, string | null][] = [
  // Speaker before, speaker after, verb before the name
  ['Kirby said, \u201cWe will win.\u201d', 'Kirby'],
  ['\u201cWe will win,\u201d Kirby said.', 'Kirby'],
  ['\u201cWe will win,\u201d said Kirby.', 'Kirby'],
  ['\u201cWe will win,\u201d said spokesperson John Kirby.', 'John Kirby'],
  ['\u201cWe will win,\u201d Zelenskyy remarked during his nightly video address.', 'Zelenskyy'],
  ['"Their losses are significant, very significant," Zelenskyy declared.', 'Zelenskyy'],
  ['\u201cWe will win\u201d \u2014 Kirby', 'Kirby'],
  // according to, As X put it, X:
  ['The troops are \u201cexpendable in every sense,\u201d according to John Kirby.', 'John Kirby'],
  ['According to Ukrainian President Volodymyr Zelenskyy, \u201cthe losses are significant.\u201d', 'Volodymyr Zelenskyy'],
  ['As Kirby put it, \u201cthe troops are expendable.\u201d', 'Kirby'],
  ['Kirby: \u201cWe will win.\u201d', 'Kirby'],
  ['Kirby wrote on X: \u201cWe will win.\u201d', 'Kirby'],
  ['\u201cWe will win,\u201d Kirby, the NSC spokesperson, told reporters.', 'Kirby'],
  ['\u201cWe will win,\u201d Kirby said, \u201cand soon.\u201d', 'Kirby'],
  ['Secretary of State Antony Blinken said, \u201cWe will win.\u201d', 'Antony Blinken'],
  ['Mr. Kirby said, \u201cWe will win.\u201d', 'Kirby'],
  ['\u201cUnacceptable,\u201d said Gen. Mark Milley, chairman of the Joint Chiefs.', 'Mark Milley'],
  ['\u201cWe will win,\u201d the spokesperson said.', null],
  // Every speech verb
  ...(
    [
      'stated', 'told reporters', 'added', 'noted', 'remarked', 'declared', 'emphasized', 'mentioned', 'explained', 'wrote',
      'warned', 'insisted', 'indicated', 'described', 'acknowledged', 'confirmed',
    ] as const
  ).map((verb): [string, string] => [`Kirby ${verb}, \u201cThe troops are expendable.\u201d`, 'Kirby']),
  ['Kirby told reporters on Friday that \u201cthe troops are expendable.\u201d', 'Kirby'],
  ['Zelenskyy also remarked, \u201cThe troops are expendable.\u201d', 'Zelenskyy'],
  // Participles: the clause's subject speaks
  ['Zelenskyy voiced concerns at the severity of losses, pointing out, \u201cThey have suffered casualties.\u201d', 'Zelenskyy'],
  ['Kirby indicated the increasing numbers, stating, "We also have reports."', 'Kirby'],
  ['While Kirby acknowledged the poor results, saying they \u201chaven\u2019t really been all effective,\u201d he went on.', 'Kirby'],
  ['Zelenskyy highlighted the measures, noting that \u201cseveral\u201d wounded soldiers had died.', 'Zelenskyy'],
  // Titles, roles and appositives stripped
  ['Ukrainian President Volodymyr Zelenskyy said, \u201cWe will win.\u201d', 'Volodymyr Zelenskyy'],
  ['Retired U.S. Vice Admiral Robert Murrett said, \u201cWe will win.\u201d', 'Robert Murrett'],
  ['John Kirby, spokesperson for the National Security Council, said, \u201cWe will win.\u201d', 'John Kirby'],
  ['Kirby\u2019s deputy was silent. Kirby stated, \u201cWe will win.\u201d', 'Kirby'],
  // Pronouns: the person most recently named, up to 3 sentences back
  ['Zelenskyy also remarked about the measures. He mentioned, "Everything is set up to stop it."', 'Zelenskyy'],
  [
    'Ukrainian President Volodymyr Zelenskyy confirmed the deaths. "Our soldiers managed to take them prisoner," he stated.',
    'Volodymyr Zelenskyy',
  ],
  [
    'This was echoed by John Kirby, spokesperson for the council, who indicated a shift. He described the deployment as a \u201chuman wave\u201d of soldiers.',
    'John Kirby',
  ],
  ['Kirby spoke first. Then came the news. It rained. Crowds gathered. Roads closed. He said, \u201cWe will win.\u201d', null],
  ['He said, \u201cWe will win.\u201d', null],
  // Nobody: scare quotes, groups, places, verbs too far from the quotation
  ['Russia uses so-called \u201chuman wave\u201d tactics.', null],
  ['Kirby acknowledged the poor efficacy of these \u201chuman wave\u201d assaults.', null],
  ['South Korea also stated that North Korea was also \u201cproducing drones\u201d for Russia.', null],
  ['The report said \u201cseveral\u201d soldiers died.', null],
  ['There have been incidents of \u201cfriendly fire\u201d in the region.', null],
];

test('speakerOf: every attribution pattern', () => {
  const failures: string[] = [];
  for (const [text, expected] of ROWS) {
    const got = speakerOfFirst(text);
    if (got !== expected) failures.push(`${JSON.stringify(text)}: expected ${expected}, got ${got}`);
  }
  assert.deepEqual(failures, []);
});

test('findQuotes credits each quotation through speakerOf', () => {
  const text = 'Kirby said, \u201cWe will win.\u201d Then \u201cWe may lose,\u201d said Zelenskyy.';
  const found = findQuotes(text, splitSentences(text));
  assert.deepEqual(found.map((q) => q.speaker), ['Kirby', 'Zelenskyy']);
});

const SAME: [string, string, boolean][] = [
  ['Kirby', 'John Kirby', true],
  ['Kirby\u2019s', 'John Kirby', true],
  ["kirby's", 'KIRBY', true],
  ['John Kirby', 'spokesperson John Kirby', true],
  ['J. Kirby', 'John Kirby', true],
  ['Zelenskyy', 'Zelensky', true],
  ['Volodymyr Zelenskyy', 'Zelensky', true],
  ['Volodymyr Zelenskyy', 'Volodymyr Zelenskiy', true],
  ['President Biden', 'Joe Biden', true],
  ['Putin', 'Russian President Vladimir Putin', true],
  ['Kim', 'Kim Jong Un', true],
  ['Kim Jong-un', 'Kim Jong Un', true],
  ['Kirby', 'Zelenskyy', false],
  ['Joe Biden', 'Hunter Biden', false],
  ['John Kirby', 'John Smith', false],
  ['Kirby', 'Kirbx', false], // short surnames must match exactly
  ['Smith', 'Smyth', false],
  ['Murrett', 'Murret', true],
  ['', 'Kirby', false],
];

test('sameSpeaker: surnames, titles, possessives, transliterations', () => {
  for (const [a, b, expected] of SAME) {
    assert.equal(sameSpeaker(a, b), expected, `${a} / ${b}`);
    assert.equal(sameSpeaker(b, a), expected, `${b} / ${a} (symmetric)`);
  }
});
