import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareDraft } from '../../server/src/core/extract/markdown';

function prose(text: string): string {
  const p = prepareDraft(text, 'markdown').prose;
  assert.equal(p.length, text.length, 'masking keeps every offset');
  return p;
}

test('front matter, code, link targets, comments and tags are blanked, prose kept', () => {
  const text = '---\ntitle: 3,000 things\n---\nAbout 11,000 soldiers. See `12,000` and [the report](http://x.org/4000) <!-- 5,000 --> <b>6,000</b>\n```\n7,000\n```\n';
  const p = prose(text);
  for (const gone of ['3,000', '12,000', '4000', '5,000', '7,000', '<b>']) assert.ok(!p.includes(gone), gone);
  for (const kept of ['About 11,000 soldiers.', 'the report', '6,000']) assert.ok(p.includes(kept), kept);
});

test('plain text keeps backticks and brackets, drops only HTML comments', () => {
  const text = 'Code `12,000` [x](y) <!-- hidden -->';
  const p = prepareDraft(text, 'plaintext').prose;
  assert.ok(p.includes('`12,000`'));
  assert.ok(!p.includes('hidden'));
});

test('an ignore comment at the end of a line suppresses that line', () => {
  const text = 'A line with 3,000 troops. <!-- citecheck-ignore -->\nNext line.';
  const d = prepareDraft(text, 'markdown');
  assert.deepEqual(d.ignoredSpans, [{ start: 0, end: text.indexOf('\n') }]);
  assert.deepEqual(d.ignoreNext, []);
});

test('an ignore comment before a claim suppresses the next claim', () => {
  const text = '<!-- citecheck-ignore --> About 3,000 troops.';
  const d = prepareDraft(text, 'markdown');
  assert.deepEqual(d.ignoreNext, [text.indexOf(' About')]);
});

test('disable ... enable suppresses the passage; an unclosed disable runs to the end', () => {
  const text = 'a <!-- citecheck-disable --> b <!-- citecheck-enable --> c <!-- citecheck-disable --> d';
  const d = prepareDraft(text, 'markdown');
  assert.equal(d.ignoredSpans.length, 2);
  assert.equal(d.ignoredSpans[0]?.start, text.indexOf('<!-- citecheck-disable'));
  assert.equal(d.ignoredSpans[0]?.end, text.indexOf('<!-- citecheck-enable'));
  assert.equal(d.ignoredSpans[1]?.end, text.length);
});

test('an unclosed fence blanks to the end, not beyond', () => {
  const text = 'Intro 5 troops.\n```\n9,999\n';
  const p = prose(text);
  assert.ok(p.includes('Intro 5 troops.'));
  assert.ok(!p.includes('9,999'));
});

test('a fence is its whole run of backticks or tildes; a long run with no line break after it is no fence', () => {
  assert.ok(!prose('````js\n9,999\n````\nAfter 5 troops.').includes('9,999'));
  assert.ok(prose('````js\n9,999\n````\nAfter 5 troops.').includes('After 5 troops.'));
  // The opening run needs its closing run of the same length: a shorter one inside does not close it.
  assert.ok(!prose('~~~~\n9,999\n~~~\n8,888\n~~~~\nAfter').includes('8,888'));
  // (The regex used to try every shorter opener of such a run: time in the square of its length.)
  const run = '`'.repeat(100_000);
  assert.equal(prose(run).length, run.length);
});
