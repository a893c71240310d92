import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_SENTENCE, sentenceAt, splitSentences } from '../../server/src/core/text/sentences';
import { extractClaims } from '../../server/src/core/extract/claims';

// Each row: a text, and the sentences it must split into.
const rows: [string, string[]][] = [
  ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
  ['The U.S. National Security Council met. It agreed.', ['The U.S. National Security Council met.', 'It agreed.']],
  ['Gen. Smith and Mr. Jones spoke. They left.', ['Gen. Smith and Mr. Jones spoke.', 'They left.']],
  ['It cost 3.5 billion. Then more.', ['It cost 3.5 billion.', 'Then more.']],
  ['He said, "It is clear...treating them badly." Then he left.', ['He said, "It is clear...treating them badly."', 'Then he left.']],
  ['"Our soldiers took them. But they died," he stated. Next.', ['"Our soldiers took them. But they died," he stated.', 'Next.']],
  ['Kirby stated, “We also have reports.” Zelenskyy agreed.', ['Kirby stated, “We also have reports.”', 'Zelenskyy agreed.']],
  ['positions… these troops are expendable.', ['positions… these troops are expendable.']],
  ['John F. Kennedy spoke.', ['John F. Kennedy spoke.']],
  ['# Title\nBody text here.\n\n- item one\n- item two', ['# Title', 'Body text here.', '- item one', '- item two']],
  ['First paragraph without stop\n\nSecond one.', ['First paragraph without stop', 'Second one.']],
  ['Line one.\r\nLine two.', ['Line one.', 'Line two.']],
  ['', []],
  ['   \n\n  ', []],
];

for (const [text, expected] of rows) {
  test(`splitSentences ${JSON.stringify(text).slice(0, 50)}`, () => {
    const got = splitSentences(text);
    assert.deepEqual(got.map((s) => s.text), expected);
    for (const s of got) assert.equal(text.slice(s.start, s.end), s.text);
  });
}

test('the seed articles split where a reader would', () => {
  const text = readFileSync('examples/sources/001_9c106f335af77c77.txt', 'utf8');
  const got = splitSentences(text).map((s) => s.text);
  assert.ok(got.includes('"Their losses are significant, very significant," Zelenskyy declared, reinforcing the idea of North Korean forces being ill-prepared for the brutal realities of the conflict.'));
  assert.ok(got.some((s) => s.startsWith('"Our soldiers managed to take them prisoner. But they were very seriously wounded')));
});

test('sentenceAt finds the sentence holding an offset', () => {
  const text = 'One two. Three four.';
  const ss = splitSentences(text);
  assert.equal(sentenceAt(ss, 0), 0);
  assert.equal(sentenceAt(ss, text.indexOf('Three')), 1);
  assert.equal(sentenceAt(ss, 8), -1); // the space between
});

// A text with no sentence ends (a pasted table, a list without full stops) would otherwise be one sentence, read
// once per figure in it: time growing with the square of its length (a 1 MB draft ran for minutes).
test('a run with no sentence end is cut into pieces of at most MAX_SENTENCE, at a space or line break', () => {
  const text = 'Roughly 15,000 North Korean soldiers '.repeat(400) + 'were deployed.';
  const got = splitSentences(text);
  assert.ok(got.length > 1);
  for (const s of got) {
    assert.ok(s.end - s.start <= MAX_SENTENCE, `${s.end - s.start} code units`);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.notEqual(text[s.start], ' ');
    // cut between words, never inside one
    assert.ok(s.start === 0 || /\s/.test(text[s.start - 1] as string), `cut inside a word at ${s.start}`);
  }
  // Nothing but the spaces at the cuts is left out.
  assert.equal(got.map((s) => s.text).join(' '), text);
  // A sentence of ordinary length is untouched.
  assert.deepEqual(splitSentences('Roughly 15,000 soldiers were deployed. Some 3,000 died.').map((s) => s.text), [
    'Roughly 15,000 soldiers were deployed.',
    'Some 3,000 died.',
  ]);
});

test('a run with no space at all is cut at the limit, never between the halves of a surrogate pair', () => {
  const text = 'x'.repeat(MAX_SENTENCE - 1) + '\u{1F600}' + 'y'.repeat(10);
  const got = splitSentences(text);
  assert.deepEqual(got.map((s) => [s.start, s.end]), [[0, MAX_SENTENCE - 1], [MAX_SENTENCE - 1, text.length]]);
});

test('the figures of a long run with no sentence end are all read, each once', () => {
  const text = 'Roughly 15,000 North Korean soldiers '.repeat(2000);
  const figures = extractClaims(text, { language: 'plaintext' }).mentions.filter((m) => m.kind === 'figure');
  assert.equal(figures.length, 2000);
  for (const m of figures) assert.equal(m.text, text.slice(m.start, m.end));
});

test('thousands of paragraphs, with and without sentence ends, split as each would alone', () => {
  const paragraphs = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `Para ${i} has no end` : i % 3 === 1 ? `Para ${i} ends. And again!` : ''));
  const text = paragraphs.join('\n\n');
  const alone = paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text));
  assert.deepEqual(splitSentences(text).map((s) => s.text), alone);
});
