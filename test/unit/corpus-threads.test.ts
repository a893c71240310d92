// How many threads the CLI uses: what --jobs or "jobs" asks for (never more than there are sources), else one per
// core up to 4 once the sources are large enough to be worth it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARALLEL_MIN_BYTES, threadsFor } from '../../server/src/cli/corpus-threads';

test('threadsFor: asked for, capped by the sources; else by size and cores', () => {
  const small = [1000, 1];
  const large = Array.from({ length: 10 }, () => PARALLEL_MIN_BYTES / 10);
  assert.equal(threadsFor(3, small, 8), 2, 'no more threads than sources');
  assert.equal(threadsFor(1, large, 8), 1);
  assert.equal(threadsFor(undefined, small, 8), 1, 'small sources: one thread');
  assert.equal(threadsFor(undefined, large, 2), 2);
  assert.equal(threadsFor(undefined, large, 16), 4, 'at most 4 unless asked');
  assert.equal(threadsFor(undefined, large, 1), 1);
  assert.equal(threadsFor(undefined, large.slice(1), 2), 1, 'just under the size: one thread');
});
