// The scope pre-check (a sentence without any word the scope patterns need has no scope) never changes a figure's
// scope: on random sentences of scope words, near misses and other words, in any case, with any clause and stretch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scopeByPatterns, scopeOfPeriod } from '../../server/src/core/extract/figure-scope';

const words = fc.constantFrom(
  'daily', 'a day', 'per day', 'a-day', 'weekly', 'Week-end', 'opening weekend', 'first day', 'MONTHLY', 'a month', 'annually',
  'per annum', 'yearly', 'a year', 'in the past 24 hours', 'over the last fortnight', 'in four weeks', 'within two months',
  'the past year alone', 'since they were deployed', 'since the invasion', 'so far', 'in total', 'to date', 'altogether', 'in all',
  'In All', 'SO FAR', 'da', 'wee', 'yea', 'tota', 'sinc', 'ſince', 'so  far', 'in\nall', 'soldiers', '3,000', 'were', 'killed', ',', ';',
  '—', '(', ')', 'and', 'but', 'the', 'Kursk', 'é', '.',
);
const sentence = fc.array(words, { maxLength: 14 }).map((ws) => ws.join(' '));

test('scope: the pre-check gives the scope the patterns give, for any sentence, clause and stretch', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 6 }), sentence, fc.string({ maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (pre, body, post, a, b, c, d) => {
      const text = pre + body + post;
      const s = { start: pre.length, end: pre.length + body.length, text: body };
      const len = body.length + 1;
      const [c0, c1] = [s.start + (a % len), s.start + (b % len)].sort((x, y) => x - y) as [number, number];
      const [o0, o1] = [c % (text.length + 1), d % (text.length + 1)].sort((x, y) => x - y) as [number, number];
      const clause = { start: c0, end: c1 };
      const own = { start: o0, end: o1 };
      assert.deepEqual(scopeOfPeriod(text, s, clause, own), scopeByPatterns(text, s, clause, own));
    }),
    { numRuns: 4000 },
  );
});

test('scope: the pre-check passes the sentences the patterns find a scope in', () => {
  const text = 'They fired 300 missiles a day over the last fortnight.';
  const s = { start: 0, end: text.length, text };
  assert.deepEqual(scopeOfPeriod(text, s, s, { start: 11, end: 30 }), { scope: 'day', scopeText: 'a day' });
  const plain = 'They fired 300 missiles at the city.';
  assert.deepEqual(scopeOfPeriod(plain, { start: 0, end: plain.length, text: plain }, { start: 0, end: plain.length }, { start: 11, end: 23 }), { scope: 'total', scopeText: null });
});
