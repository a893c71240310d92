import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCorpus, checkDraft, extractClaims } from '../../server/src/core/check';
import { verifyDate } from '../../server/src/core/verify/dates';
import { verifyQuote } from '../../server/src/core/verify/quotes';
import type { Mention, SourceDoc } from '../../server/src/core/types';

// Each row: a draft sentence, a one-sentence source, and the verdict the source must give.
const rows: [string, string, 'supports' | 'contradicts' | 'lacks'][] = [
  ['Roughly 15,000 soldiers were deployed.', 'North Korea reportedly deployed approximately 11,000 soldiers.', 'contradicts'],
  ['About 11,000 troops were deployed.', 'North Korea reportedly deployed approximately 11,000 soldiers.', 'supports'],
  ['More than 3,000 soldiers were killed or wounded.', 'More than 1,000 soldiers were killed or wounded in the past week.', 'lacks'],
  ['More than 3,000 soldiers were killed.', 'More than 3,000 soldiers were killed or wounded.', 'lacks'],
  ['Over 1,500 Russian soldiers were killed or wounded daily.', 'Over 1,500 North Korean soldiers were killed or wounded daily.', 'lacks'],
  ['The film grossed $433 million worldwide.', 'The film grossed $55.4 million in the United States and Canada.', 'lacks'],
  ['The film grossed more than $400 million worldwide.', 'The film has grossed $433 million worldwide.', 'supports'],
  ['Less than 50 negative reviews were counted.', 'It had 100 reviews.', 'lacks'],
  ['The endowment is valued at less than $10.3 billion.', 'The endowment is currently valued at $10.5 billion.', 'contradicts'],
  ['The company is worth $2 billion.', 'The club earned $617 million from transfers.', 'lacks'],
  ['Before October 7, the film earned less than $50 million in North America.', 'As of October 9, the film has grossed $50,247,533 in North America.', 'lacks'],
  ['Before October 7, the film earned less than $50 million in North America.', 'As of October 3, the film has grossed $49,759,804 in North America.', 'supports'],
  ['The film was projected to gross $82 million.', 'The film ended up making $66.3 million.', 'lacks'],
  ['The video had fewer than 13 million YouTube views.', 'The video has received over 12.3 million hits on YouTube.', 'supports'],
  ['The film scored under 60% on Metacritic.', 'On Metacritic, which assigns a rating out of 100, the film has a score of 55.', 'supports'],
  ['The programme had a share below 35.5.', 'It drew a 15.18 rating over a 37.69 share among viewers.', 'contradicts'],
  ['The highest attendance at Fratton Park for Portsmouth F.C. is less than 51,386.', 'The Fratton Park attendance of 51,385 is still a club record.', 'supports'],
  ['The film earned over $98.95 million worldwide.', 'It grossed a worldwide total of $99 million, against a production budget of $4.8 million.', 'lacks'],
];

for (const [draft, source, expected] of rows) {
  test(`verifyFigure: «${draft}» vs «${source.slice(0, 50)}» -> ${expected}`, () => {
    const corpus = buildCorpus([{ id: 's', text: source }]);
    const claims = checkDraft(draft, corpus, { language: 'plaintext' }).filter((c) => c.kind === 'figure');
    assert.ok(claims.length > 0, 'a figure claim');
    assert.equal(claims[0]?.verdicts[0]?.verdict, expected, claims[0]?.verdicts[0]?.reason);
  });
}

test('verifyDate: a date stated relative to another ("released after May 2012")', () => {
  const corpus = buildCorpus([{ id: 's', text: 'The game was delayed and eventually released on September 20, 2012.' }]);
  const verdict = (draft: string): string | undefined =>
    checkDraft(draft, corpus, { language: 'plaintext' }).find((c) => c.kind === 'date')?.verdicts[0]?.verdict;
  assert.equal(verdict('The game was eventually released after May 2012.'), 'supports');
  assert.equal(verdict('The game was eventually released before May 2012.'), 'contradicts');
});

test('verifyDate: capitals stand for their countries ("Moscow and Pyongyang signed" is Russia and North Korea signing)', () => {
  const corpus = buildCorpus([{ id: 's', text: 'Involvement grew after the defense pact signed between Russia and North Korea this past June.' }]);
  const [c] = checkDraft('Moscow and Pyongyang signed a mutual defence pact last July.', corpus, { language: 'plaintext' }).filter((x) => x.kind === 'date');
  assert.equal(c?.verdicts[0]?.verdict, 'contradicts', c?.verdicts[0]?.reason);
});

/** The draft's first claim of a kind, and a corpus of one source to verify it against directly. */
function claimAndSource<K extends Mention['kind']>(draft: string, source: string, kind: K): { claim: Extract<Mention, { kind: K }>; doc: SourceDoc } {
  const claim = extractClaims(draft, { language: 'plaintext' }).mentions.find((m): m is Extract<Mention, { kind: K }> => m.kind === kind);
  assert.ok(claim, `no ${kind} in "${draft}"`);
  const doc = buildCorpus([{ id: 's', text: source }]).sources[0];
  assert.ok(doc);
  return { claim, doc };
}

test('verifyDate: without hints, a source that never dates the event gives a bare lacks', () => {
  const draft = 'Zelenskyy addressed the situation on December 23.';
  const { claim, doc } = claimAndSource(draft, 'Zelenskyy addressed the situation in a long speech. Nothing else happened.', 'date');
  assert.ok(verifyDate(claim, draft, doc).hint, 'with hints: the undated sentence about the event');
  const bare = verifyDate(claim, draft, doc, { hints: false });
  assert.equal(bare.verdict, 'lacks');
  assert.equal(bare.hint, undefined);
});

test('verifyQuote: without hints, a quotation that shares only two words is not aligned for a hint', () => {
  const { claim, doc } = claimAndSource('"Troops deemed expendable," he wrote.', 'Kirby said, "These troops are considered expendable by their leadership in Moscow."', 'quote');
  const withHints = verifyQuote(claim, doc);
  const without = verifyQuote(claim, doc, { hints: false });
  assert.equal(withHints.verdict, 'lacks');
  assert.equal(without.verdict, 'lacks');
  assert.ok(withHints.hint, 'with hints: the closest quotation');
  assert.equal(without.hint, undefined);
});
