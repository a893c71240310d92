import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDates } from '../../server/src/core/text/dates';
import { splitSentences } from '../../server/src/core/text/sentences';
import { separators, verifyDate } from '../../server/src/core/verify/dates';
import { indexSource } from '../../server/src/core/corpus/corpus';
import type { DateMention } from '../../server/src/core/types';

// Fragments that build date-like and near-date text, so that the parser's branches get exercised.
const fragment = fc.constantFrom(
  'on ', 'in ', 'since ', 'last ', 'this past ', 'next ', 'earlier this ', 'late ', 'early ', 'mid-', 'the end of ',
  'December ', 'Dec. ', 'May ', 'March ', 'June', 'Friday', 'Friday, ', 'Christmas', ' Day', "New Year's ", 'Eve',
  'week', 'month', 'year', '23', '31', '30', '29', '2024', '1999', '-', '12', '-02-', ', ', '.', ' ', '\n', '\r\n', '3,000 ',
  'the ', 'of ', 'and ', 'troops ', 'alone', '$', '%', '’s', 'rd ', 'th ',
);
const dateish = fc.array(fc.oneof(fragment, fc.string({ maxLength: 3 })), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), dateish);

function checkMentions(text: string, found: DateMention[], sentenceCount: number): void {
  let prevEnd = 0;
  for (const d of found) {
    assert.ok(d.start >= prevEnd, 'sorted and non-overlapping');
    assert.ok(d.start < d.end && d.end <= text.length, 'offsets inside the text');
    assert.equal(d.text, text.slice(d.start, d.end));
    assert.equal(d.kind, 'date');
    if (d.month !== null) assert.ok(Number.isInteger(d.month) && d.month >= 1 && d.month <= 12, `month ${d.month}`);
    if (d.day !== null) assert.ok(Number.isInteger(d.day) && d.day >= 1 && d.day <= 31, `day ${d.day}`);
    if (d.weekday !== null) assert.ok(d.weekday >= 0 && d.weekday <= 6);
    assert.ok(d.sentence >= 0 && d.sentence < sentenceCount, 'sentence index in range');
    prevEnd = d.end;
  }
}

test('findDates never throws; mentions are sorted, inside the text, text === slice, fields in range', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const sentences = splitSentences(text);
      const found = findDates(text, sentences);
      if (sentences.length > 0) checkMentions(text, found, sentences.length);
      else assert.deepEqual(found.filter((d) => d.sentence !== -1), []);
    }),
    { numRuns: 2000 },
  );
});

test('findDates finds a generated absolute date where it was put, with its values', () => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1900, max: 2099 }),
      fc.boolean(), (month, day, year, dayFirst) => {
        const written = dayFirst ? `${day} ${months[month - 1]} ${year}` : `${months[month - 1]} ${day}, ${year}`;
        const text = `The troops arrived on ${written} near Kursk.`;
        const found = findDates(text, splitSentences(text));
        assert.equal(found.length, 1);
        const d = found[0] as DateMention;
        assert.deepEqual([d.text, d.year, d.month, d.day], [written, year, month, day]);
      }),
    { numRuns: 500 },
  );
});

test('verifyDate never throws on arbitrary drafts and sources, and lacks never carries evidence', () => {
  fc.assert(
    fc.property(dateish, dateish, (draft, sourceText) => {
      const source = indexSource({ id: 's', text: sourceText });
      source.dates = findDates(source.text, source.sentences);
      for (const claim of findDates(draft, [{ start: 0, end: draft.length, text: draft }])) {
        const v = verifyDate(claim, draft, source);
        assert.ok(['supports', 'contradicts', 'lacks'].includes(v.verdict));
        if (v.verdict === 'lacks') assert.equal(v.evidence, undefined);
        else assert.equal(sourceText.slice(v.evidence?.start, v.evidence?.end), v.evidence?.wording);
      }
    }),
    { numRuns: 500 },
  );
});

// separators() runs its regex over the window and a few characters past it, not over the rest of the text: the
// separators it finds must be those the regex finds in the whole text.
const SEPARATOR_REFERENCE = /,(?!\d)|[;:()]|\s[—–-]\s|[—–]|\s(?:and|but|while|whereas|since|after|before|when|because|as|following|although|though|which|who|where|that|so)\s/gi;

test('separators: the clause separators of a window are those of the whole text within it', () => {
  const unit = fc.constantFrom(',', ';', ':', '(', ')', ' ', '—', '–', '-', '1', 'a', 'and', 'following', 'so', 'As', ' ');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), fc.nat(), fc.nat(), (text, x, y) => {
      const from = x % (text.length + 1);
      const to = from + (y % (text.length - from + 1));
      const expected: [number, number][] = [];
      SEPARATOR_REFERENCE.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = SEPARATOR_REFERENCE.exec(text)) !== null && m.index < to) {
        if (m.index + m[0].length <= to) expected.push([m.index, m.index + m[0].length]);
      }
      assert.deepEqual(separators(text, from, to), expected);
    }),
    { numRuns: 5000 },
  );
});
