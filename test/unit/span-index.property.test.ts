// overlapTest and insideTest answer what a scan of every span answers, for spans in any order, nested, touching,
// empty or repeated, and for any span asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { insideTest, overlapTest } from '../../server/src/core/text/span-index';

const span = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 })).map(([start, len]) => ({ start, end: start + len }));

test('overlapTest finds an overlapping span exactly when one overlaps', () => {
  fc.assert(
    fc.property(fc.array(span, { maxLength: 12 }), span, (spans, q) => {
      const expected = spans.some((sp) => q.start < sp.end && q.end > sp.start);
      assert.equal(overlapTest(spans)(q.start, q.end), expected);
    }),
    { numRuns: 5000 },
  );
});

test('insideTest finds a span holding the asked one exactly when one holds it', () => {
  fc.assert(
    fc.property(fc.array(span, { maxLength: 12 }), span, (spans, q) => {
      const expected = spans.some((sp) => q.start >= sp.start && q.end <= sp.end);
      assert.equal(insideTest(spans)(q.start, q.end), expected);
    }),
    { numRuns: 5000 },
  );
});

test('no spans: nothing overlaps and nothing is inside', () => {
  assert.equal(overlapTest([])(0, 5), false);
  assert.equal(overlapTest(undefined)(0, 5), false);
  assert.equal(insideTest([])(0, 0), false);
});
