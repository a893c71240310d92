// Ignore comments: at the end of a line with prose before it, a comment suppresses that line; anywhere else, the next
// claim. prepareDraft finds lines and the prose around each comment without slicing the line; it must find what
// slicing and trimming the line found, on any mix of comments, prose, white space and line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { prepareDraft } from '../../server/src/core/extract/markdown';

const IGNORE = /<!--\s*citecheck-ignore\s*-->/g;

/** The reading before: each comment's line sliced out and trimmed on both sides of it. */
function bySlicing(text: string): { lines: { start: number; end: number }[]; next: number[] } {
  const lines: { start: number; end: number }[] = [];
  const next: number[] = [];
  IGNORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IGNORE.exec(text)) !== null) {
    const lineStart = Math.max(text.lastIndexOf('\n', m.index - 1) + 1, 0);
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) lineEnd = text.length;
    const before = text.slice(lineStart, m.index).trim();
    const after = text.slice(m.index + m[0].length, lineEnd).trim();
    if (before.length > 0 && after.length === 0) lines.push({ start: lineStart, end: lineEnd });
    else next.push(m.index + m[0].length);
  }
  return { lines, next };
}

const piece = fc.constantFrom('<!-- citecheck-ignore -->', '<!--citecheck-ignore-->', 'text', '3,000 soldiers', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'x');

test('ignore comments are read as slicing and trimming their lines read them', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom('markdown', 'plaintext') as fc.Arbitrary<'markdown' | 'plaintext'>, (pieces, language) => {
      const text = pieces.join('');
      const prep = prepareDraft(text, language);
      const expected = bySlicing(text);
      // Disable passages come first among the ignored spans; these texts have none.
      assert.deepEqual(prep.ignoredSpans, expected.lines);
      assert.deepEqual(prep.ignoreNext, expected.next);
    }),
    { numRuns: 5000 },
  );
});
