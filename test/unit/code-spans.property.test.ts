// codeSpans finds, in linear time, exactly the spans the regex it replaced found (that regex backtracked through a
// long run of backticks in time growing with the square of its length).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeSpans } from '../../server/src/core/extract/code-spans';

const REGEX = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

function byRegex(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  REGEX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REGEX.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const markdownish = fc.string({ unit: fc.constantFrom('`', '`', '`', 'a', ' ', '\n', '3'), maxLength: 40 });

test('codeSpans finds the spans the code-span regex finds, on any text of backticks, words and line breaks', () => {
  fc.assert(
    fc.property(markdownish, (text) => {
      assert.deepEqual(codeSpans(text), byRegex(text));
    }),
    { numRuns: 5000 },
  );
});

test('codeSpans: matched runs, a run with no closer, and an opener that is the rest of a longer run', () => {
  assert.deepEqual(codeSpans('see `12,000` and ``a ` b`` here'), [
    { start: 4, end: 12 },
    { start: 17, end: 26 },
  ]);
  // ``` has no closer of three; its last two backticks open a span that the `` later closes.
  assert.deepEqual(codeSpans('x ```a`` b'), [{ start: 3, end: 8 }]);
  assert.deepEqual(codeSpans('a ` b'), []);
  // A long run with no closer is read once, not once per shorter opener inside it.
  assert.deepEqual(codeSpans('`'.repeat(200_000) + ' 3,000 troops'), []);
});
