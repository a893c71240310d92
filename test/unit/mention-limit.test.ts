// A text with more figures, dates and quotations than one text may give is read up to the mention past the limit:
// every kept mention starts before the cut, the cut is where that mention starts, and a text under the limit is
// read whole. A source of bare numbers stops reading numbers early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexSource } from '../../server/src/core/corpus/corpus';
import { extractClaims, checkDraft, buildCorpus } from '../../server/src/core/check';
import { MAX_MENTIONS, MAX_NUMBERS, mentionCutoff, numbersCutoff } from '../../server/src/core/extract/mention-limit';
import { findNumbers } from '../../server/src/core/text/numbers';
import { ParagraphMemo } from '../../server/src/core/extract/paragraph-memo';

test('the cut-off is the start of the mention past the limit, in text order across the lists', () => {
  const at = (...starts: number[]) => starts.map((start) => ({ start, end: start + 1 }) as never);
  assert.equal(mentionCutoff([at(1, 5, 9), at(2, 3)], 5), null);
  assert.equal(mentionCutoff([at(1, 5, 9), at(2, 3)], 4), 9);
  assert.equal(mentionCutoff([at(1, 5, 9), at(2, 3)], 2), 3);
});

test('a source of dated figures past the limit keeps the mentions before the cut, and says where it is', () => {
  const doc = indexSource({ id: 's', text: 'About 3,000 soldiers died on December 23, 2024. "We will win," Kim said. '.repeat(20_000) });
  const kept = [...doc.figures, ...doc.dates, ...doc.quotes];
  assert.ok(doc.readTo !== undefined);
  assert.ok(kept.length <= MAX_MENTIONS && kept.length > MAX_MENTIONS - 3, `${kept.length} kept`);
  assert.ok(kept.every((m) => m.start < (doc.readTo as number)));
  assert.equal(indexSource({ id: 's', text: 'About 3,000 soldiers died. '.repeat(100) }).readTo, undefined);
});

test('a source of bare numbers stops reading numbers past MAX_NUMBERS, and keeps at most MAX_MENTIONS figures', () => {
  const text = '7 '.repeat(MAX_NUMBERS + 500);
  assert.equal(findNumbers(text, 10).length, 11);
  const doc = indexSource({ id: 's', text });
  assert.ok(doc.readTo !== undefined && doc.readTo <= 2 * MAX_NUMBERS);
  assert.ok(doc.figures.length <= MAX_MENTIONS);
});

test('a draft past the limit gives the claims before the cut, and checkDraft says where it stopped', () => {
  const draft = 'Roughly 15,000 soldiers died. '.repeat(MAX_MENTIONS + 10);
  const claims = extractClaims(draft);
  assert.equal(claims.mentions.length, MAX_MENTIONS);
  assert.equal(claims.readTo, draft.indexOf('Roughly', claims.mentions.at(-1)!.start + 1));
  let cut: number | null = null;
  const checked = checkDraft(draft, buildCorpus([{ id: 'a', text: 'About 11,000 soldiers died.' }]), { onCutoff: (at) => (cut = at) });
  assert.equal(checked.length, MAX_MENTIONS);
  assert.equal(cut, claims.readTo);
  assert.equal(extractClaims('Roughly 15,000 soldiers died.').readTo, undefined);
});

test('a draft of bare numbers is read up to its MAX_NUMBERS-th number, the same whole or paragraph by paragraph', () => {
  const text = '7 '.repeat(MAX_NUMBERS + 500);
  const whole = extractClaims(text);
  const byParagraph = extractClaims(text, {}, new ParagraphMemo());
  // Read for its numbers up to the 200,001st; of those, the claims up to the 50,001st.
  assert.equal(numbersCutoff(text), 2 * MAX_NUMBERS);
  assert.equal(numbersCutoff('7 '.repeat(1000)), null);
  assert.equal(whole.readTo, 2 * MAX_MENTIONS);
  assert.equal(byParagraph.readTo, whole.readTo);
  assert.equal(byParagraph.mentions.length, whole.mentions.length);
  assert.ok(whole.mentions.length <= MAX_MENTIONS);
});
