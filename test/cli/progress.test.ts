import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from '../../server/src/cli/progress';

function stream(): { isTTY: boolean; out: string[]; write(s: string): boolean } {
  const out: string[] = [];
  return { isTTY: true, out, write: (s: string) => (out.push(s), true) };
}

test('Progress: one updating line with the count and the noun, cleared afterwards', () => {
  const s = stream();
  const p = new Progress(s, true, 1, 0);
  p.update('Checking', 0, 1, 'drafts');
  p.update('Indexing', 1000, 1000);
  p.clear();
  assert.match(s.out[0] as string, /^\rChecking 0 \/ 1 draft…/);
  assert.match(s.out[1] as string, /^\rIndexing 1,000 \/ 1,000 sources…/);
  assert.equal(s.out[2], '\r\x1b[K');
});

test('Progress: nothing at all when disabled, or for small quick work', () => {
  const s = stream();
  new Progress(s, false, 1, 0).update('Indexing', 5, 10);
  const small = new Progress(s, true, 200, 60_000);
  small.update('Indexing', 5, 10);
  small.clear();
  assert.deepEqual(s.out, []);
});
