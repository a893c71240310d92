import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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

/** Line starts by reading every code unit: what lineStarts must give, with or without a carriage return. */
function startsOneByOne(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

test('lineStarts equals reading every code unit, with and without carriage returns', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\u2028', 'é'), maxLength: 60 }), (text) => {
      assert.deepEqual(lineStarts(text), startsOneByOne(text));
    }),
    { numRuns: 2000 },
  );
});
