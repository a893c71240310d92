import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers } from '../../server/src/core/text/numbers';
import { figureInterval } from '../../server/src/core/text/intervals';
import { formatValue } from '../../server/src/core/text/format-number';
import { placeValue } from '../../server/src/core/text/number-values';
import type { NumberMention } from '../../server/src/core/types';

type Expect = Partial<Pick<NumberMention, 'low' | 'high' | 'qualifier' | 'unit' | 'precision' | 'isRange' | 'vague' | 'fraction' | 'yearLike'>> & {
  /** the mention's text */
  text: string;
  /** the value's text (from valueStart) */
  value?: string;
};

/** input -> the one mention expected in it */
const ONE: [string, Expect][] = [
  // digits, separators, decimals
  ['killed 3,000 soldiers', { text: '3,000', low: 3000, high: 3000, qualifier: 'exact', unit: null, precision: 1000 }],
  ['846 people', { text: '846', low: 846, precision: 1 }],
  ['a rate of 12.5 in', { text: '12.5', low: 12.5, precision: 0.1 }],
  ['1,234,567 votes', { text: '1,234,567', low: 1234567, precision: 1 }],
  ['1500 troops were sent', { text: '1500', low: 1500, precision: 100, yearLike: false }],
  // groups of three set apart by a narrow, thin or no-break space (SI, French typography)
  ['some 11\u202f000 soldiers', { text: 'some 11\u202f000', value: '11\u202f000', low: 11000, high: 11000, qualifier: 'approximate', precision: 1000 }],
  ['about 1\u2009250\u2009000 people', { text: 'about 1\u2009250\u2009000', low: 1250000, qualifier: 'approximate', precision: 10000 }],
  ['plus de 3\u00a0000 soldats', { text: '3\u00a0000', low: 3000 }],
  ['12\u202f500.5 tonnes', { text: '12\u202f500.5', low: 12500.5, precision: 0.1 }],
  // scales
  ['$3.5 billion', { text: '$3.5 billion', value: '$3.5 billion', low: 3.5e9, unit: 'USD', precision: 1e8 }],
  ['worth 3.5 billion in', { text: '3.5 billion', low: 3.5e9, precision: 1e8, unit: null }],
  ['under 4,000 people', { text: 'under 4,000', qualifier: 'upper', low: 4000 }],
  ['less than 4,000 people', { text: 'less than 4,000', qualifier: 'upper' }],
  ['spent 3.5bn on it', { text: '3.5bn', low: 3.5e9, precision: 1e8, unit: null }],
  ['a £3.5m deal', { text: '£3.5m', low: 3.5e6, unit: 'GBP', precision: 1e5 }],
  ['sold 1,5 million copies', { text: '1,5 million', low: 1.5e6, precision: 1e5 }],
  ['worth Rs 1 lakh crore', { text: 'Rs 1 lakh crore', low: 1e12, unit: 'INR' }],
  ['1,00,000 rupees', { text: '1,00,000 rupees', low: 1e5, unit: 'INR' }],
  // words
  ['three thousand people', { text: 'three thousand', low: 3000, precision: 1000 }],
  ['twenty-five people', { text: 'twenty-five', low: 25, precision: 1 }],
  ['a thousand people', { text: 'a thousand', low: 1000, precision: 1000 }],
  ['a hundred people', { text: 'a hundred', low: 100, precision: 100 }],
  ['two dozen people', { text: 'two dozen', low: 24 }],
  ['a dozen people', { text: 'a dozen', low: 12 }],
  ['half a million people', { text: 'half a million', low: 5e5, fraction: false, precision: 1e5 }],
  ['two hundred and fifty people', { text: 'two hundred and fifty', low: 250, precision: 10 }],
  ['two and a half million people', { text: 'two and a half million', low: 2.5e6 }],
  ['one hundred people', { text: 'one hundred', low: 100 }],
  ['a quarter of a million people', { text: 'a quarter of a million', low: 250000 }],
  ['a half-million people', { text: 'a half-million', low: 5e5, fraction: false }],
  ['a dozen or so', { text: 'a dozen or so', low: 12, qualifier: 'approximate' }],
  // negative figures
  ['GDP fell -3.2% in', { text: '-3.2%', low: -3.2, unit: 'percent', precision: 0.1 }],
  ['a −0.5 reading', { text: '−0.5', low: -0.5 }],
  // fractions
  ['one-fifth of them', { text: 'one-fifth', low: 0.2, fraction: true }],
  ['almost a third', { text: 'almost a third', qualifier: 'nearBelow', fraction: true }],
  ['half of the troops', { text: 'half', low: 0.5, fraction: true }],
  ['a third of them', { text: 'a third', fraction: true }],
  ['two-thirds of them', { text: 'two-thirds', fraction: true }],
  ['a quarter of them', { text: 'a quarter', low: 0.25, fraction: true }],
  ['three-quarters of them', { text: 'three-quarters', low: 0.75, fraction: true }],
  ['a quarter were killed', { text: 'a quarter', low: 0.25, fraction: true }],
  ['two-thirds majority', { text: 'two-thirds', fraction: true }],
  ['half a dozen people', { text: 'half a dozen', low: 6, fraction: false }],
  ['a third.', { text: 'a third', fraction: true }],
  ['nearly half were killed', { text: 'nearly half', low: 0.5, fraction: true, qualifier: 'nearBelow' }],
  // percentages
  ['rose 12% in', { text: '12%', low: 12, unit: 'percent', precision: 1 }],
  ['12 percent', { text: '12 percent', unit: 'percent' }],
  ['12 per cent', { text: '12 per cent', unit: 'percent' }],
  ['an approval rating of 5.4 % .', { text: '5.4 %', low: 5.4, unit: 'percent', precision: 0.1 }],
  ['rose by one percent', { text: 'one percent', low: 1, unit: 'percent' }],
  ['by 2 percentage points', { text: '2 percentage points', unit: 'percentage-point' }],
  // money, tokenised money
  ['-LRB- $ 95 million -RRB-', { text: '$ 95 million', low: 95e6, unit: 'USD' }],
  ['US$3.5 billion', { text: 'US$3.5 billion', unit: 'USD' }],
  ['€400 million', { text: '€400 million', unit: 'EUR', low: 4e8 }],
  ['The film grossed Rs 10 thousand in', { text: 'Rs 10 thousand', low: 10000, unit: 'INR', precision: 10000 }],
  ['Rs. 5 crore', { text: 'Rs. 5 crore', low: 5e7, unit: 'INR' }],
  ['earned less than 15 crores in total', { text: 'less than 15 crores', low: 1.5e8, unit: 'INR', qualifier: 'upper' }],
  ['1.3 crore people', { text: '1.3 crore', low: 1.3e7, unit: null }],
  ['10 million dollars', { text: '10 million dollars', unit: 'USD', low: 1e7 }],
  ['5 pounds of flour', { text: '5', unit: null }],
  // ratings
  ['an average rating of 6.94/10 .', { text: '6.94/10', low: 6.94, unit: 'out-of-10', precision: 0.01 }],
  ['a rating of more than 4/10 .', { text: 'more than 4/10', low: 4, unit: 'out-of-10', qualifier: 'lower' }],
  // ranges
  ['10,000 to 12,000 troops', { text: '10,000 to 12,000', low: 10000, high: 12000, isRange: true }],
  ['between 10,000 and 12,000 troops', { text: 'between 10,000 and 12,000', value: '10,000 and 12,000', low: 10000, high: 12000, isRange: true, qualifier: 'exact' }],
  ['between 10,000 to 12,000 troops', { text: 'between 10,000 to 12,000', low: 10000, high: 12000, isRange: true }],
  ['10,000-12,000 troops', { text: '10,000-12,000', low: 10000, high: 12000, isRange: true }],
  ['10,000–12,000 troops', { text: '10,000–12,000', isRange: true }],
  ['10 to 12 million people', { text: '10 to 12 million', low: 1e7, high: 1.2e7, isRange: true }],
  ['between 5 and 10 per cent', { text: 'between 5 and 10 per cent', low: 5, high: 10, unit: 'percent', isRange: true }],
  ['about 3,000 to 4,000', { text: 'about 3,000 to 4,000', qualifier: 'approximate', isRange: true, low: 3000, high: 4000 }],
  ['2019-2021', { text: '2019-2021', isRange: true, yearLike: true }],
  ['10-12% of', { text: '10-12%', low: 10, high: 12, unit: 'percent', isRange: true }],
  ['$10 million to $12 million', { text: '$10 million to $12 million', low: 1e7, high: 1.2e7, unit: 'USD', isRange: true }],
  ['three to four thousand people', { text: 'three to four thousand', low: 3000, high: 4000, isRange: true, precision: 1000 }],
  ['two to three million people', { text: 'two to three million', low: 2e6, high: 3e6, isRange: true }],
  ['five to six people', { text: 'five to six', low: 5, high: 6, isRange: true }],
  ['900,000 to 1.2 million', { text: '900,000 to 1.2 million', low: 900000, high: 1.2e6 }],
  // vague magnitudes
  ['tens of thousands of people', { text: 'tens of thousands', vague: true, low: 20000, high: 100000, precision: 10000 }],
  ['hundreds of thousands fled', { text: 'hundreds of thousands', vague: true, low: 200000, high: 1e6 }],
  ['Thousands fled', { text: 'Thousands', vague: true, low: 2000, high: 10000 }],
  ['hundreds of people', { text: 'hundreds', vague: true, low: 200, high: 1000 }],
  ['dozens of people', { text: 'dozens', vague: true }],
  ['millions of people', { text: 'millions', vague: true, low: 2e6 }],
  ['several hundred people', { text: 'several hundred', vague: true, low: 300 }],
  // qualifiers
  ['about 3,000', { text: 'about 3,000', value: '3,000', qualifier: 'approximate' }],
  ['around 3,000', { text: 'around 3,000', qualifier: 'approximate' }],
  ['roughly 3,000', { text: 'roughly 3,000', qualifier: 'approximate' }],
  ['approximately 11,000', { text: 'approximately 11,000', qualifier: 'approximate' }],
  ['some 3,000 soldiers', { text: 'some 3,000', qualifier: 'approximate' }],
  ['an estimated 3,000', { text: 'an estimated 3,000', qualifier: 'approximate' }],
  ['approx. 3,000', { text: 'approx. 3,000', qualifier: 'approximate' }],
  ['~3,000', { text: '~3,000', qualifier: 'approximate' }],
  ['3,000 or so', { text: '3,000 or so', qualifier: 'approximate' }],
  ['more than 3,000', { text: 'more than 3,000', qualifier: 'lower' }],
  ['over 3,000', { text: 'over 3,000', qualifier: 'lower' }],
  ['already exceeds 3,000 people', { text: 'exceeds 3,000', qualifier: 'lower' }],
  ['at least 3,000', { text: 'at least 3,000', qualifier: 'lower' }],
  ['upwards of 3,000', { text: 'upwards of 3,000', qualifier: 'lower' }],
  ['in excess of 3,000', { text: 'in excess of 3,000', qualifier: 'lower' }],
  ['just over 3,000', { text: 'just over 3,000', qualifier: 'lower' }],
  ['no less than 3,000', { text: 'no less than 3,000', qualifier: 'lower' }],
  ['3,000 or more', { text: '3,000 or more', qualifier: 'lower' }],
  ['a 3,000-plus force', { text: '3,000-plus', qualifier: 'lower' }],
  ['up to 4,000', { text: 'up to 4,000', qualifier: 'upper' }],
  ['as many as 4,000', { text: 'as many as 4,000', qualifier: 'upper' }],
  ['at most 4,000', { text: 'at most 4,000', qualifier: 'upper' }],
  ['fewer than 4,000', { text: 'fewer than 4,000', qualifier: 'upper' }],
  ['Less than 12,400 cases', { text: 'Less than 12,400', qualifier: 'upper' }],
  ['under $ 98.95 million', { text: 'under $ 98.95 million', value: '$ 98.95 million', qualifier: 'upper', low: 98.95e6, precision: 1e4 }],
  ['below 60 %', { text: 'below 60 %', qualifier: 'upper', unit: 'percent' }],
  ['no more than 5 people', { text: 'no more than 5', qualifier: 'upper' }],
  ['just under 100', { text: 'just under 100', qualifier: 'upper' }],
  ['nearly 11,000', { text: 'nearly 11,000', qualifier: 'nearBelow' }],
  ['almost 11,000', { text: 'almost 11,000', qualifier: 'nearBelow' }],
  ['close to 11,000', { text: 'close to 11,000', qualifier: 'nearBelow' }],
  ['just shy of 11,000', { text: 'just shy of 11,000', qualifier: 'nearBelow' }],
  ['a rating lower than 81 %', { text: 'lower than 81 %', qualifier: 'upper', unit: 'percent' }],
  ['a rating higher than 80 %', { text: 'higher than 80 %', qualifier: 'lower' }],
  ['grossed over US $ 10 million', { text: 'over US $ 10 million', value: 'US $ 10 million', qualifier: 'lower', unit: 'USD' }],
  ['over a thousand', { text: 'over a thousand', low: 1000, qualifier: 'lower' }],
  // compounds, years
  ['a 4,000-strong force', { text: '4,000', low: 4000 }],
  ['a three-year-old', { text: 'three', low: 3 }],
  ['in 2024 the', { text: '2024', yearLike: true }],
  ['late 2024', { text: '2024', yearLike: true }],
  ['2024 was hard', { text: '2024', yearLike: true }],
  ['December 23, 2024', { text: '2024', yearLike: true }],
  ['the 2024 Olympics', { text: '2024', yearLike: true }],
  ['sent 2000 soldiers', { text: '2000', yearLike: false }],
  ['built around 1900, the', { text: 'around 1900', yearLike: true, qualifier: 'approximate' }],
  ['about 1900 troops', { text: 'about 1900', yearLike: false }],
  ['more than 2000 soldiers', { text: 'more than 2000', yearLike: false }],
  ['the 1990-91 season', { text: '1990', yearLike: true }],
];

/** inputs with no number to report */
const NONE: string[] = [
  'one of the soldiers',
  'a soldier and an officer',
  'the first soldier',
  'on the 23rd day',
  'COVID-19 cases',
  'an A320 plane',
  'at 10:30 in the morning',
  'at 10 a.m. sharp',
  '1. First item',
  '  2) Second item',
  'on December 23 at',
  'on 23 December at',
  'in the second half',
  'for a third day',
  'a quarter-final',
  'a half-hour show',
  'half an hour later',
  'a third straight win',
  'at half-time',
  'a 5m wall',
  'version 1.2.3',
  'open 24/7',
  'on 3/4/2020',
  'hashtag #1',
  '? articleid=3369 The',
  'someone said',
  'the tens place',
  'Agent 007 here',
  'at 0800 hours',
];

function check(input: string, e: Expect, m: NumberMention): void {
  assert.equal(m.text, e.text, `text of ${input}`);
  assert.equal(m.text, input.slice(m.start, m.end));
  if (e.value !== undefined) assert.equal(input.slice(m.valueStart, m.end), e.value, `value of ${input}`);
  for (const k of ['low', 'high', 'qualifier', 'unit', 'precision', 'isRange', 'vague', 'fraction', 'yearLike'] as const) {
    const want = e[k];
    if (want === undefined) continue;
    const got = m[k];
    if (typeof want === 'number' && typeof got === 'number') {
      assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${k} of ${input}: ${got} != ${want}`);
    } else assert.equal(got, want, `${k} of ${input}`);
  }
}

describe('findNumbers: one mention', () => {
  for (const [input, e] of ONE) {
    test(input, () => {
      const ms = findNumbers(input);
      assert.equal(ms.length, 1, `${input}: ${JSON.stringify(ms.map((m) => m.text))}`);
      check(input, e, ms[0] as NumberMention);
    });
  }
});

describe('findNumbers: nothing to report', () => {
  for (const input of NONE) {
    test(input, () => assert.deepEqual(findNumbers(input).map((m) => m.text), []));
  }
});

describe('findNumbers: several mentions', () => {
  const rows: [string, string[]][] = [
    ['rose from 5% to 7% last year', ['5%', '7%']],
    ['from 2019 to 2021', ['2019', '2021']],
    ['the 2019–20 season', ['2019']],
    ['a 1-0 win', ['1']],
    ['see https://x.com/2024/12/23/foo now', []],
    ['around 4pm and at 9.30am', []],
    ['hundreds of millions of dollars', ['hundreds of millions']],
    ['up 5% to 7%', ['5%', '7%']],
    ['The senate has less than 58 Democrats and more than 40 Republicans .', ['less than 58', 'more than 40']],
    [
      ', Happy Death Day has grossed $ 55.4 million in the United States and Canada , and $ 43.5 million in other territories , for a worldwide total of $ 98.9 million',
      ['$ 55.4 million', '$ 43.5 million', '$ 98.9 million'],
    ],
    ['By 23 March 2014 , the album sold more than 1,5 million copies .', ['2014', 'more than 1,5 million']],
    ['Reports indicate Russia launched 78 missiles along with 106 drones on Christmas,', ['78', '106']],
    ['one soldier and one hundred others', ['one hundred']],
    ['57 Democrats , 41 Republicans , and two independents', ['57', '41', 'two']],
    ['between 10,000 and 12,000 troops and 5 tanks', ['between 10,000 and 12,000', '5']],
    ['10 and 12 soldiers', ['10', '12']],
    // a plain space is not a group separator, and the zeros after it make no figure of their own
    ['1 000 soldiers', ['1']],
    ['on day 2 250 people', ['2', '250']],
    ['11\u202f0000 soldiers', ['11']],
  ];
  for (const [input, want] of rows) {
    test(input, () => {
      const ms = findNumbers(input);
      assert.deepEqual(ms.map((m) => m.text), want);
      for (const m of ms) assert.equal(m.text, input.slice(m.start, m.end));
    });
  }

  test('offsets are UTF-16 indices after astral characters', () => {
    const input = '😀😀 about 3,000 troops';
    const [m] = findNumbers(input);
    assert.ok(m);
    assert.equal(m.start, input.indexOf('about'));
    assert.equal(m.valueStart, input.indexOf('3,000'));
    assert.equal(m.end, input.indexOf(' troops'));
  });
});

describe('placeValue', () => {
  const rows: [number, number][] = [[3000, 1000], [846, 1], [12.5, 0.1], [3.5e9, 1e8], [0, 1], [1500, 100], [0.25, 0.01]];
  for (const [v, p] of rows) test(`${v} -> ${p}`, () => assert.equal(placeValue(v), p));
});

describe('figureInterval', () => {
  // phrase, role, lo, hi, loOpen, hiOpen
  const rows: [string, 'draft' | 'source', number, number, boolean, boolean][] = [
    ['3,000', 'draft', 2700, 3300, false, true],
    ['1,500', 'source', 1450, 1550, false, true],
    ['846', 'draft', 845.5, 846.5, false, true],
    ['about 3,000', 'source', 2700, 3300, false, true],
    ['58', 'source', 57.5, 58.5, false, true],
    ['about 58', 'source', 57.5, 58.5, false, true],
    ['12.5%', 'source', 12.45, 12.55, false, true],
    ['$ 98.9 million', 'source', 98.85e6, 98.95e6, false, true],
    ['more than 3,000', 'draft', 3000, Infinity, true, true],
    ['at least 3,000', 'draft', 3000, Infinity, false, true],
    ['less than 140,000', 'draft', -Infinity, 140000, true, true],
    ['up to 4,000', 'draft', -Infinity, 4000, true, false],
    ['over 1,500', 'source', 1500, 1600, true, true],
    ['over 128,000', 'source', 128000, 129000, true, true],
    ['over 3,000', 'source', 3000, 4000, true, true],
    ['at least 109', 'source', 109, 110, false, true],
    ['3,000 or more', 'source', 3000, 4000, false, true],
    ['up to 4,000', 'source', 0, 4000, false, false],
    ['as many as 4,000', 'source', 0, 4000, false, false],
    ['less than 4,000', 'source', 3000, 4000, false, true],
    ['fewer than 13 million', 'source', 12e6, 13e6, false, true],
    ['nearly 11,000', 'source', 10000, 11000, false, true],
    ['nearly 11,000', 'draft', 10000, 11000, false, true],
    ['10,000 to 12,000', 'source', 10000, 12000, false, false],
    ['tens of thousands', 'source', 20000, 100000, false, true],
    ['half', 'draft', 0.475, 0.525, false, true],
  ];
  for (const [phrase, role, lo, hi, loOpen, hiOpen] of rows) {
    test(`${role} ${phrase}`, () => {
      const [m] = findNumbers(phrase);
      assert.ok(m, phrase);
      const i = figureInterval(m, role);
      const near = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.abs(b);
      assert.ok(near(i.lo, lo) && near(i.hi, hi), `${JSON.stringify(i)} != ${lo}..${hi}`);
      assert.equal(i.loOpen, loOpen, 'loOpen');
      assert.equal(i.hiOpen, hiOpen, 'hiOpen');
    });
  }
  test('$846 allows its rounding too, 845.5..846.5', () => {
    const [m] = findNumbers('$846');
    assert.ok(m);
    const i = figureInterval(m, 'source');
    assert.deepEqual([i.lo, i.hi], [845.5, 846.5]);
  });
});

describe('formatValue', () => {
  const rows: [string, string][] = [
    ['approximately 11,000 soldiers', '11,000'],
    ['10,000-12,000', '10,000–12,000'],
    ['between 10,000 and 12,000', '10,000–12,000'],
    ['12 percent', '12%'],
    ['$3.5 billion', '$3.5 billion'],
    ['$ 98.9 million', '$98.9 million'],
    ['10 to 12 million', '10–12 million'],
    ['two-thirds', 'two-thirds'],
    ['tens of thousands', 'tens of thousands'],
    ['Rs 19 crores', 'Rs 19 crore'],
    ['in 2024', '2024'],
    ['rated 6.4/10', '6.4/10'],
    ['$ 49,759,804', '$49,759,804'],
  ];
  for (const [phrase, want] of rows) {
    test(`${phrase} -> ${want}`, () => {
      const [m] = findNumbers(phrase);
      assert.ok(m);
      assert.equal(formatValue(m), want);
    });
  }
});

test('findNumbers: a range broken across a line of a hard-wrapped draft stays one range, not across a paragraph', () => {
  const wrapped = findNumbers('Between 10,000 and\n12,000 North Korean soldiers');
  assert.deepEqual(wrapped.map((n) => [n.low, n.high, n.isRange]), [[10000, 12000, true]]);
  assert.equal(findNumbers('10,000 and\n\n12,000').length, 2);
});
