import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonical, contentTerms, stem, termOverlap } from '../../server/src/core/text/terms';

const stems: [string, string][] = [
  ['soldiers', 'soldier'], ['deployed', 'deploy'], ['injured', 'injure'], ['captured', 'capture'],
  ['casualties', 'casualty'], ['attacking', 'attack'], ['stopped', 'stop'], ['assaults', 'assault'], ['class', 'class'],
];
for (const [w, s] of stems) test(`stem ${w} -> ${s}`, () => assert.equal(stem(w), s));

test('synonyms share a canonical form; killed is not wounded', () => {
  assert.equal(canonical('troops'), canonical('soldiers'));
  assert.equal(canonical('personnel'), canonical('soldiers'));
  assert.equal(canonical('perished'), canonical('killed'));
  assert.equal(canonical('injured'), canonical('wounded'));
  assert.notEqual(canonical('killed'), canonical('wounded'));
});

test('contentTerms drops stop words and keeps order', () => {
  assert.deepEqual(contentTerms('The troops were sent to the Kursk region'), ['soldier', 'deploy', 'kursk', 'region']);
});

test('termOverlap is the share of the first side found in the second', () => {
  assert.equal(termOverlap(['a', 'b'], ['b', 'c']), 0.5);
  assert.equal(termOverlap([], ['x']), 0);
});
