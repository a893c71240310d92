import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from '../../server/src/core/extract/figures';
import { findNumbers } from '../../server/src/core/text/numbers';
import { findDates } from '../../server/src/core/text/dates';
import { splitSentences } from '../../server/src/core/text/sentences';
import type { FigureMention } from '../../server/src/core/types';

function figures(text: string): FigureMention[] {
  const sentences = splitSentences(text);
  const dates = findDates(text, sentences);
  return findFigures(text, sentences, findNumbers(text), { exclude: dates, dates });
}

// Each row: a sentence, the figure's text, and the fields it must have (only those listed are checked).
const rows: [string, string, Partial<Pick<FigureMention, 'thingKey' | 'events' | 'scope' | 'group' | 'place'>>][] = [
  ['North Korean troops have sustained casualties, with estimates indicating more than 3,000 soldiers either dead or wounded.', 'more than 3,000 soldiers', { thingKey: 'soldier', events: ['casualty'], scope: 'total', group: 'north korean' }],
  ['North Korea reportedly deployed approximately 11,000 soldiers, and morale collapsed.', 'approximately 11,000 soldiers', { thingKey: 'soldier', events: ['deployed'], group: 'north korean' }],
  ['The council cited 1,000 North Korean personnel killed or wounded just within the past week.', '1,000 North Korean personnel', { thingKey: 'soldier', events: ['casualty'], scope: 'week' }],
  ['British sources reported over 1,500 Russian soldiers were being killed or wounded daily.', 'over 1,500 Russian soldiers', { group: 'russian', scope: 'day', events: ['casualty'] }],
  ['During the last month alone, estimates suggest around 45,000 casualties were sustained.', 'around 45,000 casualties', { thingKey: 'people', events: ['casualty'], scope: 'month' }],
  ['North Korean soldiers fighting alongside Russian forces have suffered losses, with estimates suggesting that up to 4,000 have been wounded or killed.', 'up to 4,000', { thingKey: 'soldier', group: 'north korean', events: ['casualty'] }],
  ['More than 3,000 North Korean soldiers have been killed in action.', 'More than 3,000 North Korean soldiers', { events: ['killed'] }],
  ['The film grossed $433 million worldwide.', '$433 million', { place: 'world', events: ['earned'] }],
  ['It has grossed $55.4 million in the United States and Canada.', '$55.4 million', { place: 'north america' }],
  ['there were 268 confirmed cases, with 176 recoveries and 0 deaths.', '176 recoveries', { events: ['recovered'] }],
  ['The airport has over 250 daily departures to 95 destinations in 5 countries.', '95 destinations', { thingKey: 'destination', scope: 'total' }],
  ['About 11,000 soldiers were deployed, and more than 1,000 of them were killed or wounded in the past week.', 'About 11,000 soldiers', { scope: 'total', events: ['deployed'] }],
  ['The projected grosses were approximately $82 million.', 'approximately $82 million', { scope: 'projected total' }],
  // A negation ends the counted thing: "40,000 not only hosts" counts no "not", but the capacity before it.
  ['This stadium with a seating capacity of around 40,000 not only regularly hosts Test cricket.', 'around 40,000', { thingKey: 'people' }],
];

for (const [text, figureText, expected] of rows) {
  test(`findFigures: ${figureText} in «${text.slice(0, 60)}»`, () => {
    const f = figures(text).find((x) => x.text === figureText);
    assert.ok(f, `no figure "${figureText}" among ${JSON.stringify(figures(text).map((x) => x.text))}`);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual((f as unknown as Record<string, unknown>)[k], v, k);
    assert.equal(text.slice(f.start, f.end), f.text);
  });
}

test('findFigures: numbers in titles, years and scope durations are not figures', () => {
  assert.deepEqual(figures('Kingdom Hearts HD 1.5 Remix is rated above 81% on GameRankings.').map((f) => f.text), ['above 81%']);
  assert.deepEqual(figures('Golmaal Again grossed 200 crore in four weeks.').map((f) => f.text), ['200 crore']);
  assert.deepEqual(figures('In 2024, 78 missiles were launched.').map((f) => f.text), ['78 missiles']);
});

test('findFigures: the time a figure holds at', () => {
  const [f] = figures('As of 29 April, the total number of cases registered in the sultanate is 2,274.');
  assert.equal(f?.thingKey, 'case');
  assert.equal(f?.when?.relation, 'at');
  assert.equal(f?.when?.date.day, 29);
  const [g] = figures('Before April 23, 2020, less than 457 cases had been confirmed.');
  assert.equal(g?.when?.relation, 'before');
  const [h] = figures('At the 2010 United States Census, the population was 55,181.');
  assert.equal(h?.when?.date.year, 2010);
  assert.equal(h?.thingKey, 'people');
});

test('findFigures: a year used as an adjective is not a figure', () => {
  assert.deepEqual(figures('The Census Bureau estimated its 2018 population at 332,725.').map((f) => f.text), ['332,725']);
});
