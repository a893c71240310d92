import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findDates } from '../../server/src/core/text/dates';
import { compareDates, verifyDate } from '../../server/src/core/verify/dates';
import { indexSource } from '../../server/src/core/corpus/corpus';
import type { DateMention, SourceDoc, Verdict } from '../../server/src/core/types';

function doc(id: string, text: string): SourceDoc {
  const d = indexSource({ id, text });
  d.dates = findDates(d.text, d.sentences);
  return d;
}

const dir = join(__dirname, '../../examples/sources');
const seeds = new Map<string, SourceDoc>();
for (const f of readdirSync(dir).sort()) seeds.set(f.slice(0, 3), doc(f.slice(0, 3), readFileSync(join(dir, f), 'utf8')));

/** The date claim `claim` (as written) of a one-sentence draft. */
function claimIn(sentence: string, claim: string): DateMention {
  const found = findDates(sentence, [{ start: 0, end: sentence.length, text: sentence }]).find((d) => d.text === claim);
  assert.ok(found, `"${claim}" is a date in "${sentence}"`);
  return found;
}

// [draft sentence, its date claim, seed source, verdict, the source's wording of the date (supports/contradicts)]
const rows: [string, string, string, Verdict, string | null][] = [
  ['Zelenskyy addressed the situation on December 23.', 'December 23', '000', 'supports', 'December 23'],
  ['Zelenskyy addressed the situation on December 25.', 'December 25', '000', 'contradicts', 'December 23'],
  ['Zelenskyy addressed the situation on December 25.', 'December 25', '002', 'lacks', null],
  ['Zelenskyy addressed the situation on December 25.', 'December 25', '001', 'lacks', null],
  ['Zelenskyy addressed the situation on December 25.', 'December 25', '003', 'lacks', null],
  ['The Ukrainian incursion began last August.', 'last August', '003', 'supports', 'last August'],
  ['The Ukrainian incursion began in August.', 'August', '003', 'supports', 'last August'],
  ['The Ukrainian incursion began in June.', 'June', '003', 'contradicts', 'last August'],
  ['The Ukrainian incursion began this past June.', 'this past June', '003', 'contradicts', 'last August'],
  ['The Ukrainian incursion began last August.', 'last August', '000', 'lacks', null],
  ['Russia launched 78 missiles on Christmas.', 'Christmas', '003', 'supports', 'Christmas'],
  ['Russia launched 78 missiles on December 25.', 'December 25', '003', 'supports', 'Christmas'],
  ["Russia launched 78 missiles on New Year's Day.", "New Year's Day", '003', 'contradicts', 'Christmas'],
  ['Russia launched 78 missiles on Christmas.', 'Christmas', '001', 'lacks', null],
  ['North Korean involvement grew after the defense pact signed this past June.', 'this past June', '003', 'supports', 'this past June'],
  ['North Korean involvement grew after the defense pact signed last August.', 'last August', '003', 'contradicts', 'this past June'],
  ['North Korean involvement grew after the defense pact signed this past June.', 'this past June', '004', 'lacks', null],
  ['In late 2024, approximately 12,000 troops were deployed to Kursk.', 'late 2024', '002', 'supports', 'late 2024'],
  ['In 2024, approximately 12,000 troops were deployed to Kursk.', '2024', '002', 'supports', 'late 2024'],
  ['In early 2024, approximately 12,000 troops were deployed to Kursk.', 'early 2024', '002', 'contradicts', 'late 2024'],
  ['In late 2023, approximately 12,000 troops were deployed to Kursk.', 'late 2023', '002', 'contradicts', 'late 2024'],
  ['In December 2024, approximately 12,000 troops were deployed to Kursk.', 'December 2024', '002', 'lacks', null],
  ['In late 2024, approximately 12,000 troops were deployed to Kursk.', 'late 2024', '004', 'lacks', null],
  ['More than 3,000 North Korean soldiers have been killed or wounded, Zelenskyy said on December 23.', 'December 23', '000', 'supports', 'December 23'],
  ['More than 3,000 North Korean soldiers have been killed or wounded, Zelenskyy said on December 23.', 'December 23', '003', 'lacks', null],
  ['Zelenskyy said on Friday that Russian troops send North Korean soldiers into battle with minimal protection.', 'Friday', '004', 'supports', 'Friday'],
  ['Zelenskyy said on Monday that Russian troops send North Korean soldiers into battle with minimal protection.', 'Monday', '004', 'contradicts', 'Friday'],
  ['Zelenskyy said on December 20 that Russian troops send North Korean soldiers into battle with minimal protection.', 'December 20', '004', 'lacks', null],
  ['Zelenskyy confirmed on Friday the deaths of several captured North Korean soldiers.', 'Friday', '001', 'supports', 'Friday'],
  ['Ukrainian forces have made territorial gains in the Kursk region this year.', 'this year', '004', 'supports', 'this year'],
  ['Ukrainian forces have made territorial gains in the Kursk region last year.', 'last year', '004', 'lacks', null],
  ['Ukraine’s counter-invasion efforts gained momentum earlier this year.', 'earlier this year', '000', 'supports', 'earlier this year'],
];

for (const [sentence, claimText, id, verdict, wording] of rows) {
  test(`verifyDate: "${sentence}" [${claimText}] vs ${id} -> ${verdict}`, () => {
    const source = seeds.get(id) as SourceDoc;
    const v = verifyDate(claimIn(sentence, claimText), sentence, source);
    assert.equal(v.verdict, verdict, v.reason);
    assert.equal(v.source, id);
    assert.ok(v.reason.length > 0 && !v.reason.includes('\n'));
    if (verdict === 'lacks') {
      assert.equal(v.evidence, undefined);
      return;
    }
    const e = v.evidence;
    assert.ok(e, 'supports and contradicts carry evidence');
    assert.equal(e.wording, wording);
    assert.equal(source.text.slice(e.start, e.end), wording);
    assert.ok(e.text.includes(wording as string), 'the evidence sentence holds the wording');
    assert.ok(v.reason.includes(wording as string), 'the reason names the source date');
    // 1-based line/column of the wording.
    const before = source.text.slice(0, e.start).split(/\r\n|\r|\n/);
    assert.equal(e.line, before.length);
    assert.equal(e.column, (before[before.length - 1] as string).length + 1);
  });
}

test('verifyDate: a lacks with a related sentence points at it', () => {
  const sentence = 'North Korean involvement grew after the defense pact signed this past June.';
  const v = verifyDate(claimIn(sentence, 'this past June'), sentence, seeds.get('004') as SourceDoc);
  assert.equal(v.verdict, 'lacks');
  assert.ok(v.hint?.text.includes('mutual defence pact signed'), v.hint?.text);
});

test('verifyDate: a source that never mentions the event gives lacks without evidence', () => {
  const sentence = 'The bridge over the river reopened on March 3.';
  const v = verifyDate(claimIn(sentence, 'March 3'), sentence, seeds.get('002') as SourceDoc);
  assert.equal(v.verdict, 'lacks');
  assert.equal(v.evidence, undefined);
});

// Two events with their own dates in one source: each claim is held to its own event's date.
const twoEvents = doc(
  'two',
  'Moscow and Pyongyang signed the defense pact in June, and the first troops arrived in Kursk in October. ' +
    'The talks in Geneva collapsed on March 3.',
);
const eventRows: [string, string, Verdict][] = [
  ['Moscow and Pyongyang signed the defense pact in June.', 'June', 'supports'],
  ['Moscow and Pyongyang signed the defense pact in October.', 'October', 'contradicts'],
  ['The first troops arrived in Kursk in October.', 'October', 'supports'],
  ['The first troops arrived in Kursk in June.', 'June', 'contradicts'],
  // Weak match (only "talks"): never contradicts.
  ['The ceasefire talks in Vienna began on March 9.', 'March 9', 'lacks'],
  ['The ceasefire talks began on March 9.', 'March 9', 'lacks'],
  ['The talks in Geneva collapsed on March 5.', 'March 5', 'contradicts'],
];
for (const [sentence, claimText, verdict] of eventRows) {
  test(`verifyDate: two dated events in one story: "${sentence}" -> ${verdict}`, () => {
    const v = verifyDate(claimIn(sentence, claimText), sentence, twoEvents);
    assert.equal(v.verdict, verdict, v.reason);
  });
}

test('verifyDate: works on a source whose dates were not extracted, and gives the same answer twice', () => {
  const bare = indexSource({ id: 'bare', text: 'Kirby confirmed last week that the first soldiers had died.' });
  const sentence = 'Kirby confirmed last week that the first soldiers had died.';
  const claim = claimIn(sentence, 'last week');
  const a = verifyDate(claim, sentence, bare);
  assert.equal(a.verdict, 'supports', a.reason);
  assert.deepEqual(verifyDate(claim, sentence, bare), a);
});

// compareDates: granularity, as stated. [draft, source, result]
const pairs: [string, string, ReturnType<typeof compareDates>][] = [
  ['December 23', 'December 23', 'supports'],
  ['December 23', 'December 25', 'contradicts'],
  ['2024', 'June 2024', 'supports'],
  ['June 2024', '2024', 'unsettled'],
  ['late 2024', 'December 2024', 'supports'],
  ['late 2024', 'March 2024', 'contradicts'],
  ['late 2024', 'early 2024', 'contradicts'],
  ['mid-2024', 'late 2024', 'unsettled'],
  ['late December', 'December 23', 'supports'],
  ['early December', 'December 23', 'contradicts'],
  ['June', 'December 23', 'contradicts'],
  ['June', 'this past June', 'supports'],
  ['last August', 'last August', 'supports'],
  ['last August', 'this past June', 'contradicts'],
  ['last August', 'next August', 'contradicts'],
  ['last August', 'August 2024', 'supports'],
  ['Friday', 'December 23', 'unsettled'],
  ['Friday', 'Friday', 'supports'],
  ['Friday', 'Monday', 'contradicts'],
  ['Monday', 'December 23, 2024', 'supports'], // 2024-12-23 was a Monday
  ['Friday', 'December 23, 2024', 'contradicts'],
  ['December 23, 2024', 'December 23', 'unsettled'],
  ['December 23', 'December 23, 2024', 'supports'],
  ['2024-12-23', '23 December 2024', 'supports'],
  ['Christmas', 'December 25', 'supports'],
  ['December 25', 'Christmas Day', 'supports'],
  ["New Year's Day", 'Christmas', 'contradicts'],
  ['Easter', 'April 20', 'unsettled'],
  ['earlier this week', 'earlier this week', 'supports'],
  ['this year', 'earlier this year', 'supports'],
  ['last week', 'December 23', 'unsettled'],
  ['December 23', 'earlier this week', 'unsettled'],
  ['this year', '2024', 'unsettled'],
];
function one(text: string): DateMention {
  const sentence = `It happened ${/^\d{4}$/.test(text) ? 'in' : 'on'} ${text}.`;
  const found = findDates(sentence, [{ start: 0, end: sentence.length, text: sentence }]);
  assert.equal(found.length, 1, `one date in "${sentence}"`);
  return found[0] as DateMention;
}
for (const [a, b, expected] of pairs) {
  test(`compareDates: ${a} vs ${b} -> ${expected}`, () => assert.equal(compareDates(one(a), one(b)), expected));
}
