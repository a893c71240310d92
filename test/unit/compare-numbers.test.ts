import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers } from '../../server/src/core/text/numbers';
import { compareNumbers, type NumberComparison } from '../../server/src/core/verify/compare-numbers';
import type { NumberMention } from '../../server/src/core/types';

/** The one figure of a phrase (the parser is part of what these rows test). */
function figure(phrase: string): NumberMention {
  const ms = findNumbers(phrase).filter((m) => !m.yearLike);
  assert.equal(ms.length, 1, `${phrase}: ${JSON.stringify(ms.map((m) => m.text))}`);
  return ms[0] as NumberMention;
}

// draft phrase, source phrase, verdict, rule
const ROWS: [string, string, NumberComparison['verdict'], NumberComparison['rule']][] = [
  // spec, Figures: 1. same anchor
  ['more than 3,000', 'roughly 3,000', 'supports', 'same-anchor'],
  ['about 11,000', 'nearly 11,000', 'supports', 'same-anchor'],
  ['a thousand', 'over 1,000', 'supports', 'same-anchor'],
  ['more than 3,000', 'nearly 3,000', 'contradicts', 'opposite-directions'],
  // a bound against a bare round figure with the same anchor: rule 1 as written (only exact counts are settled by value)
  ['more than 3,000', '3,000', 'supports', 'same-anchor'],
  ['below 60 %', '60 %', 'supports', 'same-anchor'],
  // 2. disjoint intervals
  ['about 11,000', 'approximately 12,000', 'contradicts', 'disjoint'],
  ['2,000', 'over 3,000', 'contradicts', 'disjoint'],
  ['about 2,500 a day', 'over 1,500 a day', 'contradicts', 'disjoint'],
  ['15,000', '10,000 to 12,000', 'contradicts', 'disjoint'],
  // 3. the source's interval inside the draft's
  ['less than 140,000', 'over 128,000', 'supports', 'inside'],
  // 4. partial overlap
  ['more than 3,000', 'up to 4,000', 'lacks', 'partial-overlap'],
  // seed sources
  ['more than 3,000', 'over 3,000', 'supports', 'same-anchor'],
  ['more than 3,000', 'exceeds 3,000', 'supports', 'same-anchor'],
  ['about 11,000', 'approximately 11,000', 'supports', 'same-anchor'],
  ['about 11,000', 'between 10,000 to 12,000', 'lacks', 'partial-overlap'],
  ['between 10,000 and 12,000', 'approximately 11,000', 'supports', 'inside'],
  ['3,000', '1,000', 'contradicts', 'disjoint'],
  ['tens of thousands', '45,000', 'supports', 'inside'],
  ['thousands', '45,000', 'contradicts', 'disjoint'],
  ['3,000', 'thousands', 'lacks', 'partial-overlap'],
  ['78', '78', 'supports', 'same-anchor'],
  ['78', '80', 'contradicts', 'disjoint'],
  // VitaminC style
  ['earned less than 15 crores in', 'grossed Rs 10 thousand in', 'supports', 'inside'],
  ['earned less than 15 crores in', 'grossed Rs 19 crores in', 'contradicts', 'disjoint'],
  ['earned more than 15 crores in', 'grossed Rs 10 thousand in', 'contradicts', 'disjoint'],
  ['earned more than 15 crores in', 'grossed Rs 19 crores in', 'supports', 'inside'],
  ['under $ 98.95 million', '$ 98.9 million', 'supports', 'inside'],
  ['over $ 98.95 million', '$ 98.9 million', 'contradicts', 'disjoint'],
  ['less than 58 Democrats', '57 Democrats', 'supports', 'inside'],
  ['less than 58 Democrats', '58 Democrats', 'contradicts', 'disjoint'],
  ['more than 40 Republicans', '41 Republicans', 'supports', 'inside'],
  ['more than 40 Republicans', '40 Republicans', 'contradicts', 'disjoint'],
  ['at least 58', '58', 'supports', 'inside'],
  ['up to 58', '58', 'supports', 'inside'],
  ['nearly 58', '58', 'contradicts', 'disjoint'],
  ['below 60 %', '59 %', 'supports', 'inside'],
  ['above 59 %', '60 %', 'supports', 'inside'],
  ['more than 1,5 million copies', '1.6 million copies', 'supports', 'inside'],
  ['less than 1,5 million copies', '1.6 million copies', 'contradicts', 'disjoint'],
  ['less than $ 44 million', '$ 43.5 million', 'supports', 'inside'],
  ['more than 120 million views', '119 million views', 'contradicts', 'disjoint'],
  ['a rating of less than 6.45/10', 'a weighted average of 6.4/10', 'supports', 'inside'],
  ['a rating of more than 6.45/10', 'a weighted average of 6.4/10', 'contradicts', 'disjoint'],
  // a source's bound is a little over / under its figure
  ['less than 120 million views', 'over 110 million views', 'supports', 'inside'],
  ['less than 500', 'over 400', 'supports', 'inside'],
  ['fewer than 13 million views', 'over 12.3 million hits', 'supports', 'inside'],
  ['fewer than 13 million views', 'over 14.2 million hits', 'contradicts', 'disjoint'],
  ['more than 13 million views', 'over 12.3 million hits', 'contradicts', 'disjoint'],
  ['less than 14 million copies', 'over 10 million copies', 'lacks', 'partial-overlap'],
  ['at least 3,500 soldiers', 'more than 3,000 soldiers', 'lacks', 'partial-overlap'],
  ['as many as 3,500 soldiers', 'more than 3,000 soldiers', 'lacks', 'partial-overlap'],
  ['more than 1,500 soldiers', 'over 1,000 soldiers', 'lacks', 'partial-overlap'],
  ['Less than 110 counties', 'at least 109 counties', 'supports', 'inside'],
  ['More than 110 counties', 'at least 112 counties', 'supports', 'inside'],
  ['More than 110 counties', 'at least 109 counties', 'contradicts', 'disjoint'],
  ['under 855 million', 'over 850 million', 'lacks', 'partial-overlap'],
  ['under 4,000', 'under 3,900', 'supports', 'inside'],
  // units
  ['6.4/10', '6.4', 'lacks', 'incomparable'],
  ['12%', '12', 'lacks', 'incomparable'],
  ['$12 million', '12 million', 'lacks', 'incomparable'],
  ['half of the troops', '500 troops', 'lacks', 'incomparable'],
  ['£3 million', '$3 million', 'lacks', 'incomparable'],
  // fractions among themselves
  ['half of the troops', 'half of the troops', 'supports', 'same-anchor'],
  ['half of the troops', 'a third of the troops', 'contradicts', 'disjoint'],
  ['two-thirds of them', 'three-quarters of them', 'contradicts', 'disjoint'],
  ['more than half of them', 'two-thirds of them', 'supports', 'inside'],
];

describe('compareNumbers', () => {
  for (const [draft, source, verdict, rule] of ROWS) {
    test(`draft "${draft}" / source "${source}" -> ${verdict} (${rule})`, () => {
      assert.deepEqual(compareNumbers(figure(draft), figure(source)), { verdict, rule });
    });
  }
});
