// Each `<!-- citecheck-ignore -->` before a claim drops the first claim at or after it that an earlier one has not
// dropped. withoutIgnoredNext does it in one pass; it must drop what a search from the start for each directive drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { withoutIgnoredNext } from '../../server/src/core/extract/claims';
import type { Mention } from '../../server/src/core/types';

function byScan(mentions: readonly Mention[], ignoreNext: readonly number[]): Mention[] {
  const out = [...mentions];
  for (const at of ignoreNext) {
    const i = out.findIndex((m) => m.start >= at);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

const sorted = (max: number) => fc.array(fc.integer({ min: 0, max }), { maxLength: 15 }).map((xs) => xs.sort((a, b) => a - b));

test('one pass drops what a search from the start for each directive drops', () => {
  fc.assert(
    fc.property(sorted(30), sorted(32), (starts, ignoreNext) => {
      const mentions = starts.map((start, i) => ({ kind: 'date', start, end: start + 1, text: String(i) }) as unknown as Mention);
      assert.deepEqual(withoutIgnoredNext(mentions, ignoreNext), byScan(mentions, ignoreNext));
    }),
    { numRuns: 5000 },
  );
});
