// clean() rounds away binary noise by writing a value to 12 significant digits and reading it back; a half below
// 1e11 is returned as it is, which must be what the round trip gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clean } from '../../server/src/core/text/number-values';

function byString(x: number): number {
  return Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

test('clean gives what the round trip through 12 significant digits gives, for halves and any other value', () => {
  const half = fc.integer({ min: -2e11, max: 2e11 }).map((k) => k / 2);
  const bigHalf = fc.constantFrom(1e11 - 0.5, 1e11 + 0.5, -1e11 + 0.5, 99_999_999_999.5, 999_999_999_999.5, 0.5, -0.5);
  fc.assert(
    fc.property(fc.oneof(half, bigHalf, fc.double(), fc.double({ min: -1e6, max: 1e6 })), (x) => {
      assert.ok(Object.is(clean(x), byString(x)), `clean(${x})`);
    }),
    { numRuns: 20000 },
  );
});

test('clean still rounds away binary noise', () => {
  assert.equal(clean(98.9 * 1e6), 98900000);
  assert.equal(clean(0.1 + 0.2), 0.3);
  assert.equal(clean(74.5), 74.5);
});
