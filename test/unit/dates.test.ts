import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findDates } from '../../server/src/core/text/dates';
import { splitSentences } from '../../server/src/core/text/sentences';
import type { DateMention } from '../../server/src/core/types';

type Fields = Partial<Pick<DateMention, 'year' | 'month' | 'day' | 'weekday' | 'holiday' | 'part' | 'relative'>>;

function dates(text: string): DateMention[] {
  return findDates(text, splitSentences(text));
}

// [text, the one date expected in it (as written), its fields; fields not listed must be null]
const forms: [string, string, Fields][] = [
  // absolute
  ['Zelenskyy addressed the situation on December 23, officials said.', 'December 23', { month: 12, day: 23 }],
  ['The talks ended on Dec. 23 without a deal.', 'Dec. 23', { month: 12, day: 23 }],
  ['It was signed on Sept 5 in Moscow.', 'Sept 5', { month: 9, day: 5 }],
  ['Troops arrived on December 23rd.', 'December 23rd', { month: 12, day: 23 }],
  ['The strike came on 23 December 2024.', '23 December 2024', { year: 2024, month: 12, day: 23 }],
  ['The strike came on the 23rd of December.', '23rd of December', { month: 12, day: 23 }],
  ['It happened on December 23, 2024, in Kursk.', 'December 23, 2024', { year: 2024, month: 12, day: 23 }],
  ['The pact dates from June 2024.', 'June 2024', { year: 2024, month: 6 }],
  ['The pact dates from June of 2024.', 'June of 2024', { year: 2024, month: 6 }],
  ['Logged as 2024-12-23 in the record.', '2024-12-23', { year: 2024, month: 12, day: 23 }],
  ['He spoke on Friday, December 20, 2024.', 'Friday, December 20, 2024', { year: 2024, month: 12, day: 20, weekday: 5 }],
  ['The vote is due May 5.', 'May 5', { month: 5, day: 5 }],
  // months and years in date context
  ['The incursion began in June.', 'June', { month: 6 }],
  ['Fighting has continued since March.', 'March', { month: 3 }],
  ['Elections were held in May.', 'May', { month: 5 }],
  ['Troops have fought there since 2022.', '2022', { year: 2022 }],
  ['In 2024, the war entered its third year.', '2024', { year: 2024 }],
  ['In late 2024, approximately 12,000 troops were deployed.', 'late 2024', { year: 2024, part: 'late' }],
  ['Output fell in early 2023.', 'early 2023', { year: 2023, part: 'early' }],
  ['Output fell by mid-2024.', 'mid-2024', { year: 2024, part: 'mid' }],
  ['Output fell in mid 2024.', 'mid 2024', { year: 2024, part: 'mid' }],
  ['Output fell in late December.', 'late December', { month: 12, part: 'late' }],
  ['The deal is due by the end of 2025.', 'end of 2025', { year: 2025, part: 'late' }],
  // relative
  ['The Ukrainian incursion, which began last August, continues.', 'last August', { month: 8, relative: 'last' }],
  ['The defense pact signed this past June was cited.', 'this past June', { month: 6, relative: 'this past' }],
  ['Talks resume next March.', 'next March', { month: 3, relative: 'next' }],
  ['Zelenskyy revealed significant insights earlier this week.', 'earlier this week', { relative: 'this' }],
  ['Ukrainian forces have made territorial gains this year.', 'this year', { relative: 'this' }],
  ['The momentum grew earlier this year.', 'earlier this year', { relative: 'this' }],
  ['Kirby confirmed last week that troops had died.', 'last week', { relative: 'last' }],
  ['He met Putin last Friday.', 'last Friday', { weekday: 5, relative: 'last' }],
  // weekdays
  ['Zelenskyy confirmed on Friday the deaths of several soldiers.', 'Friday', { weekday: 5 }],
  ["Monday's strike hit a power plant.", 'Monday', { weekday: 1 }],
  // holidays
  ['Russia launched 78 missiles along with 106 drones on Christmas, targeting power.', 'Christmas', { holiday: 'christmas', month: 12, day: 25 }],
  ['The attack came on Christmas Day.', 'Christmas Day', { holiday: 'christmas', month: 12, day: 25 }],
  ['The attack came on Christmas Eve.', 'Christmas Eve', { holiday: 'christmas eve', month: 12, day: 24 }],
  ["The attack came on New Year's Eve.", "New Year's Eve", { holiday: 'new year eve', month: 12, day: 31 }],
  ['The attack came on New Year’s Day.', 'New Year’s Day', { holiday: 'new year', month: 1, day: 1 }],
  ['Families gathered at Thanksgiving.', 'Thanksgiving', { holiday: 'thanksgiving', month: 11 }],
  ['It was quiet over Easter.', 'Easter', { holiday: 'easter' }],
];

const NULLS: Required<Fields> = { year: null, month: null, day: null, weekday: null, holiday: null, part: null, relative: null };

for (const [text, expected, fields] of forms) {
  test(`findDates: ${expected} in "${text}"`, () => {
    const found = dates(text);
    assert.deepEqual(found.map((d) => d.text), [expected]);
    const d = found[0] as DateMention;
    assert.equal(text.slice(d.start, d.end), expected);
    const got: Fields = {
      year: d.year, month: d.month, day: d.day, weekday: d.weekday, holiday: d.holiday, part: d.part, relative: d.relative,
    };
    assert.deepEqual(got, { ...NULLS, ...fields });
    assert.equal(d.kind, 'date');
  });
}

// Not dates (or not these words): modal "may", verb "march", time windows of figures, names, numbers.
const none: [string, string][] = [
  ['The figure may be higher than reported.', 'modal may'],
  ['May be so. March on, they said.', 'sentence-initial May and March without date context'],
  ['Soldiers march through the night.', 'verb march'],
  ['1,000 soldiers were killed or wounded in the past week.', 'figure scope: in the past week'],
  ['1,000 soldiers were killed or wounded within the last week.', 'figure scope: within the last week'],
  ['During the last month alone, around 45,000 casualties were sustained.', 'figure scope: during the last month'],
  ['Around 45,000 casualties were sustained last month.', 'figure scope: a figure earlier in the clause'],
  ['Over 1,500 soldiers are killed each week.', 'rate'],
  ['The Christmas ceasefire collapsed.', 'holiday as a modifier'],
  ['Good Friday services were held.', 'Good Friday is not a weekday mention'],
  ['The budget was $2024 million.', 'money'],
  ['Over 2,024 troops and 12,000 more.', 'figures'],
  ['Just the week prior, British sources reported losses.', 'the week prior'],
  ['The 2024-25 season was cancelled.', 'a season span is not a year in date context'],
];
for (const [text, why] of none) {
  test(`findDates: nothing in "${text}" (${why})`, () => assert.deepEqual(dates(text).map((d) => d.text), []));
}

test('findDates: several dates in order, with their sentence indices', () => {
  const text = 'Troops arrived in June and July. On Friday, Zelenskyy spoke.\n\nThe pact was signed on 23 December 2024.';
  const found = dates(text);
  assert.deepEqual(found.map((d) => [d.text, d.sentence]), [['June', 0], ['July', 0], ['Friday', 1], ['23 December 2024', 2]]);
  for (let i = 1; i < found.length; i++) assert.ok((found[i - 1] as DateMention).end <= (found[i] as DateMention).start);
});

test('findDates: impossible days are not dates', () => {
  assert.deepEqual(dates('It was February 30 or April 31.').map((d) => d.text), []);
  assert.deepEqual(dates('On February 29, 2023 and February 29, 2024.').map((d) => d.text), ['February 29, 2024']);
});

test('findDates: a date wrapped over one line break stays one mention', () => {
  assert.deepEqual(dates('It began on December\n23 near Kursk.').map((d) => [d.text, d.day]), [['December\n23', 23]]);
});

// The dates of the seed corpus, source by source, as written.
const seeds: Record<string, string[]> = {
  '000': ['December 23', 'earlier this year'],
  '001': ['Friday'],
  '002': ['late 2024'],
  '003': ['earlier this week', 'last August', 'Christmas', 'this past June'],
  '004': ['Friday', 'this year'],
};
const dir = join(__dirname, '../../examples/sources');
for (const f of readdirSync(dir).sort()) {
  const id = f.slice(0, 3);
  test(`findDates: seed source ${id}`, () => {
    const text = readFileSync(join(dir, f), 'utf8');
    const sentences = splitSentences(text);
    const found = findDates(text, sentences);
    assert.deepEqual(found.map((d) => d.text), seeds[id]);
    for (const d of found) {
      const s = sentences[d.sentence];
      assert.ok(s !== undefined && s.start <= d.start && d.end <= s.end, `${d.text} inside its sentence`);
    }
  });
}
