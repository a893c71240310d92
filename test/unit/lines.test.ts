import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineStarts, positionAt } from '../../server/src/core/text/lines';

const rows: [string, number, number, number][] = [
  // text, offset, line, character
  ['abc', 2, 0, 2],
  ['a\nbc', 3, 1, 1],
  ['a\r\nbc', 3, 1, 0],
  ['a\rb', 2, 1, 0],
  ['😀x\ny', 2, 0, 2], // an emoji is two UTF-16 code units
  ['e\u0301\nz', 3, 1, 0], // combining mark
];

for (const [text, offset, line, character] of rows) {
  test(`positionAt ${JSON.stringify(text)} @${offset}`, () => {
    assert.deepEqual(positionAt(lineStarts(text), offset), { line, character });
  });
}

test('lineStarts counts CRLF once', () => {
  assert.deepEqual(lineStarts('a\r\nb\nc\rd'), [0, 3, 5, 7]);
});
