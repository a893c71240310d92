import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sentenceAt, splitSentences } from '../../server/src/core/text/sentences';

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
