import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNumbers } from '../../server/src/core/text/numbers';
import { figureInterval } from '../../server/src/core/text/intervals';
import { compareNumbers } from '../../server/src/core/verify/compare-numbers';
import type { NumberMention } from '../../server/src/core/types';

function wellFormed(text: string, ms: NumberMention[]): void {
  let prevEnd = 0;
  for (const m of ms) {
    assert.ok(0 <= m.start && m.start < m.end && m.end <= text.length, `bounds ${m.start}..${m.end}`);
    assert.ok(m.start >= prevEnd, 'sorted and non-overlapping');
    assert.ok(m.start <= m.valueStart && m.valueStart < m.end, 'valueStart inside');
    assert.equal(m.text, text.slice(m.start, m.end));
    assert.ok(m.low <= m.high, `low ${m.low} <= high ${m.high}`);
    assert.ok(Number.isFinite(m.low) && Number.isFinite(m.high) && m.precision > 0);
    prevEnd = m.end;
  }
}

// Words and symbols the grammar reacts to, to build texts that exercise it harder than random characters.
const PIECES = [
  'more than', 'about', 'nearly', 'up to', 'between', 'and', 'to', '-', '–', '$', 'US$', '£', 'Rs.', '%', 'percent',
  'million', 'billion', 'crore', 'lakh', 'thousand', 'hundred', 'dozen', 'a', 'an', 'one', 'two', 'twenty', 'five',
  'half', 'third', 'quarter', 'tens of', 'thousands', 'or more', 'plus', 'bn', 'm', 'k', ',', '.', ':', '/', ' ', '\n',
  '1', '12', '3,000', '12.5', '2024', '1,00,000', '0', '😀', '\uD800', '\uDC00', 'é', '\u00a0', 'COVID-', 'December',
  '/10', '−', '(', 'or so', 'at least', 'half-million', '2019–20', 'US $', 'lower than', 'per cent', 'a few',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).chain((parts) =>
  fc.array(fc.constantFrom('', ' '), { minLength: parts.length, maxLength: parts.length }).map((seps) =>
    parts.map((p, i) => p + (seps[i] as string)).join(''),
  ),
);

test('findNumbers never throws and keeps its invariants on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), soup), (text) => {
      wellFormed(text, findNumbers(text));
    }),
    { numRuns: 3000 },
  );
});

test('integers written with thousands separators read back as themselves', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom('killed ', 'about ', 'a total of ', ''), (n, before) => {
      const written = n.toLocaleString('en-US');
      const text = `${before}${written} people`;
      const ms = findNumbers(text);
      assert.equal(ms.length, 1, `${text}: ${JSON.stringify(ms.map((m) => m.text))}`);
      const m = ms[0] as NumberMention;
      assert.equal(m.low, n);
      assert.equal(m.high, n);
      assert.equal(text.slice(m.valueStart, m.end), written);
    }),
    { numRuns: 1000 },
  );
});

test('decimals with a scale word read back scaled', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(['million', 1e6], ['billion', 1e9], ['thousand', 1e3]), (tenths, [word, scale]) => {
      const x = tenths / 10;
      const [m] = findNumbers(`$${x} ${word} in`);
      assert.ok(m);
      assert.ok(Math.abs(m.low - x * (scale as number)) <= 1e-6 * x * (scale as number));
      assert.equal(m.unit, 'USD');
    }),
  );
});

const QUALIFIED = fc
  .tuple(
    fc.constantFrom('', 'about ', 'more than ', 'over ', 'at least ', 'up to ', 'less than ', 'nearly ', 'some '),
    fc.integer({ min: 1, max: 5_000_000 }),
    fc.constantFrom('', '%', ' million', ' to 9,000,000'),
    fc.constantFrom('', '$'),
  )
  .map(([q, n, tail, cur]) => `${q}${cur}${n.toLocaleString('en-US')}${tail} people`);

test('figureInterval: lo <= hi for every role', () => {
  fc.assert(
    fc.property(fc.oneof(QUALIFIED, soup), fc.constantFrom('draft' as const, 'source' as const), (text, role) => {
      for (const m of findNumbers(text)) {
        const i = figureInterval(m, role);
        assert.ok(i.lo <= i.hi, `${m.text}: ${JSON.stringify(i)}`);
        assert.ok(!Number.isNaN(i.lo) && !Number.isNaN(i.hi));
      }
    }),
    { numRuns: 2000 },
  );
});

test('compareNumbers: a figure supports itself', () => {
  fc.assert(
    fc.property(fc.oneof(QUALIFIED, soup), (text) => {
      for (const m of findNumbers(text)) {
        assert.equal(compareNumbers(m, m).verdict, 'supports', m.text);
      }
    }),
    { numRuns: 2000 },
  );
});

test('compareNumbers: a bare draft figure is contradicted by a source twice as large', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
      const [d] = findNumbers(`${n.toLocaleString('en-US')} people`);
      const [s] = findNumbers(`${(2 * n).toLocaleString('en-US')} people`);
      assert.ok(d && s);
      assert.equal(compareNumbers(d, s).verdict, 'contradicts');
    }),
  );
});
