import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { addSource, buildCorpus, checkDraft, ClaimCache, removeSource, verifiedVerdicts } from '../../server/src/core/check';
import { datedSources } from '../../server/src/core/corpus/corpus';
import type { Claim, SourceInput } from '../../server/src/core/types';

const dir = 'examples/sources';
const seeds = readdirSync(dir).sort().map((n) => ({ id: n, text: readFileSync(`${dir}/${n}`, 'utf8') }));
const corpus = buildCorpus(seeds);

function verdictsOf(c: Claim): string {
  return c.verdicts.map((v) => v.verdict[0]).join('');
}

test('checkDraft: every claim has one verdict per source, in source order, and text equal to the draft slice', () => {
  const draft = 'Roughly 15,000 soldiers were deployed to Kursk. "Everything is set up so it is impossible for us to rescue them," Zelenskyy said on Friday.';
  const claims = checkDraft(draft, corpus, { language: 'plaintext' });
  assert.ok(claims.length >= 3);
  for (const c of claims) {
    assert.equal(draft.slice(c.start, c.end), c.text);
    assert.deepEqual(c.verdicts.map((v) => v.source), seeds.map((s) => s.id));
  }
  const fig = claims.find((c) => c.kind === 'figure');
  assert.equal(fig?.status, 'contradicted');
  assert.equal(verdictsOf(fig as Claim), 'ccccc');
  assert.equal(fig?.summary, '5 of 5 sources contradict');
  const quote = claims.find((c) => c.kind === 'quote');
  assert.equal(quote?.speaker, 'Zelenskyy');
  const v = quote?.verdicts.find((x) => x.source.startsWith('001'));
  assert.equal(v?.verdict, 'contradicts');
  assert.deepEqual(v?.diff, [{ draft: 'rescue', source: 'capture' }]);
});

test('checkDraft without a cache gives the same verdicts again, whether it dropped what it prepared of each source or kept it', () => {
  // A fresh corpus: every source's preparations are made by the first check below, not left by other tests.
  const fresh = buildCorpus(seeds);
  const drafts = readdirSync('examples/drafts').sort().map((n) => readFileSync(`examples/drafts/${n}`, 'utf8'));
  for (const draft of drafts) {
    const dropped = JSON.stringify(checkDraft(draft, fresh, { language: 'markdown' }));
    // Made again from nothing, then kept, then read from what was kept.
    assert.equal(JSON.stringify(checkDraft(draft, fresh, { language: 'markdown', keepPreparations: true })), dropped);
    assert.equal(JSON.stringify(checkDraft(draft, fresh, { language: 'markdown' })), dropped);
    assert.equal(JSON.stringify(checkDraft(draft, fresh, { language: 'markdown', cache: new ClaimCache() })), dropped);
    assert.ok(dropped.includes('"contradicts"'));
  }
});

test('checkDraft: a figure inside a quotation is part of the quotation, not a claim of its own', () => {
  const claims = checkDraft('Zelenskyy stated, "The number of killed and wounded North Korean soldiers already exceeds 3,000 people."', corpus, { language: 'plaintext' });
  assert.deepEqual(claims.map((c) => c.kind), ['quote']);
  assert.equal(claims[0]?.status, 'supported');
});

test('checkDraft: ignore directives suppress claims', () => {
  const text = [
    'About 11,000 soldiers were deployed. <!-- citecheck-ignore -->',
    '<!-- citecheck-ignore --> Roughly 15,000 soldiers were deployed, and 78 missiles were fired.',
    '<!-- citecheck-disable -->',
    'Some 99,000 troops were sent.',
    '<!-- citecheck-enable -->',
    'Russia launched 106 drones.',
  ].join('\n');
  const texts = checkDraft(text, corpus).map((c) => c.text);
  assert.deepEqual(texts, ['78 missiles', '106 drones']);
});

test('checkDraft: Markdown code, link targets and front matter hold no claims', () => {
  const text = '---\ntitle: 5,000 things\n---\nSee `12,000 soldiers` and [the 4,000 report](http://x.org/4000).\n\n```\n7,000 soldiers\n```\n';
  assert.deepEqual(checkDraft(text, corpus, { language: 'markdown' }).map((c) => c.text), ['4,000 report']);
});

test('checkDraft: an empty draft or an empty corpus gives sensible answers', () => {
  assert.deepEqual(checkDraft('', corpus), []);
  const [c] = checkDraft('About 11,000 soldiers were deployed.', buildCorpus([]));
  assert.equal(c?.status, 'unsupported');
  assert.deepEqual(c?.verdicts, []);
});

test('checkDraft: the verdict list keeps the sources of its check, even if the corpus changes later', () => {
  const local = buildCorpus(seeds.slice(0, 2));
  const [c] = checkDraft('About 11,000 soldiers were deployed.', local);
  addSource(local, { id: 'late.txt', text: 'About 11,000 soldiers were deployed.' });
  removeSource(local, seeds[0]?.id as string);
  assert.deepEqual(c?.verdicts.map((v) => v.source), seeds.slice(0, 2).map((s) => s.id));
  assert.equal(JSON.parse(JSON.stringify(c)).verdicts.length, 2);
});

test('addSource replaces a source with the same id in place; removeSource takes it out of the look-ups', () => {
  const local = buildCorpus([{ id: 'a', text: 'Officials said 500 troops were deployed.' }, { id: 'b', text: 'Nothing here.' }]);
  addSource(local, { id: 'a', text: 'Officials said 900 troops were deployed.' });
  assert.deepEqual(local.sources.map((s) => s.id), ['a', 'b']);
  const [c] = checkDraft('500 troops were deployed.', local);
  assert.equal(c?.verdicts[0]?.verdict, 'contradicts');
  removeSource(local, 'a');
  const [d] = checkDraft('500 troops were deployed.', local);
  assert.deepEqual(d?.verdicts.map((v) => v.verdict), ['lacks']);
});

test('buildCorpus reports progress every 100 sources and at the end', () => {
  const calls: [number, number][] = [];
  buildCorpus(Array.from({ length: 250 }, (_, i) => ({ id: `s${i}`, text: `Officials said ${i} troops were deployed.` })), {
    onProgress: (done, total) => calls.push([done, total]),
  });
  assert.deepEqual(calls, [[100, 250], [200, 250], [250, 250]]);
});

test('dated-sentence postings: a date needs its event words in one sentence, and a removed source leaves none behind', () => {
  const local = buildCorpus([
    { id: 'split', text: 'Zelenskyy spoke on December 23 about the weather. The estimate of casualties rose.' },
    { id: 'whole', text: 'Zelenskyy gave his estimate of casualties on December 23.' },
  ]);
  const [c] = checkDraft('Zelenskyy gave his estimate of casualties on December 21.', local).filter((x) => x.kind === 'date');
  assert.deepEqual(c?.verdicts.map((v) => v.verdict), ['lacks', 'contradicts']);
  removeSource(local, 'whole');
  const whole = 1; // the slot of the second source added
  assert.equal(local.idOfSlot[whole], undefined);
  for (const members of local.sentencePostings.values()) for (const m of members) assert.notEqual(local.sentenceSource[m], whole);
  assert.ok(!local.sentenceSource.includes(whole));
});

test('postings after sources are replaced and removed equal those of a corpus built from what is left', () => {
  const local = buildCorpus(seeds);
  const [a, b, c] = seeds as [SourceInput, SourceInput, SourceInput];
  addSource(local, { id: a.id, text: c.text });
  removeSource(local, b.id);
  const fresh = buildCorpus(local.sources.map((d) => ({ id: d.id, text: d.text })));
  // Slots differ between the two (the replaced source keeps its own): compare the ids they name.
  const bySource = (corpus: typeof local, p: Map<string, readonly number[]>): Map<string, string[]> =>
    new Map([...p].map(([k, slots]) => [k, slots.map((s) => corpus.idOfSlot[s] as string).sort()]));
  for (const kind of ['figurePostings', 'quotePostings'] as const) assert.deepEqual(bySource(local, local[kind]), bySource(fresh, fresh[kind]), kind);
  const dated = (corpus: typeof local): Map<string, string[]> =>
    new Map([...corpus.sentencePostings].map(([k, ms]) => [k, ms.map((m) => corpus.idOfSlot[corpus.sentenceSource[m] as number] as string).sort()]));
  assert.deepEqual(dated(local), dated(fresh));
  // datedSources counts runs of one source in a list: after a replacement and a removal, still the distinct sources.
  for (const [term, ids] of dated(local)) assert.equal(datedSources(local, term), new Set(ids).size, term);
  assert.ok([...dated(local).values()].some((ids) => new Set(ids).size > 1), 'some term is in several sources');
});

/** What the check found for the first claim: the same object when the cache kept it, a new one when verified again. */
function firstVerdict(claims: Claim[]): unknown {
  return claims[0] ? verifiedVerdicts(claims[0]) : undefined;
}

test('ClaimCache: an edit re-verifies only the claims it touched; the results equal an uncached check; a corpus change clears it', () => {
  const local = buildCorpus(seeds);
  const cache = new ClaimCache();
  const before = 'Roughly 15,000 soldiers were deployed to Kursk.\n\nThe strike came on Friday, Kirby said.';
  const first = checkDraft(before, local, { language: 'plaintext', cache });
  assert.ok(first.length >= 2 && cache.size === first.length);
  // Text typed above the first claim moves every offset but changes no claim: the verdicts are the cached ones.
  const moved = 'New lead. ' + before;
  const second = checkDraft(moved, local, { language: 'plaintext', cache });
  assert.equal(second.length, first.length);
  assert.equal(first[0]?.verdicts[0]?.verdict, 'contradicts');
  assert.equal(firstVerdict(second), firstVerdict(first), 'same verdicts: not verified again');
  for (const c of second) assert.equal(moved.slice(c.start, c.end), c.text);
  // An edited figure is verified afresh, and the edited check matches one without a cache.
  const edited = moved.replace('15,000', '11,000');
  const third = checkDraft(edited, local, { language: 'plaintext', cache });
  const plain = checkDraft(edited, local, { language: 'plaintext' });
  assert.deepEqual(JSON.parse(JSON.stringify(third)), JSON.parse(JSON.stringify(plain)));
  assert.notEqual(firstVerdict(third), firstVerdict(second));
  assert.equal(cache.size, third.length, 'the claim the edit replaced is forgotten');
  // A new source changes the corpus: nothing cached is reused.
  addSource(local, { id: 'zz.txt', text: 'About 11,000 soldiers were deployed to Kursk.' });
  const fourth = checkDraft(edited, local, { language: 'plaintext', cache });
  assert.equal((fourth[0]?.verdicts.length ?? 0), seeds.length + 1);
  assert.notEqual(firstVerdict(fourth), firstVerdict(third));
});

test('verifiedVerdicts: the verdicts a check looked at closely, without the plain lacks of every other source', () => {
  const claims = checkDraft('Roughly 15,000 soldiers were deployed to Kursk. The sky was blue on Monday.', corpus, { language: 'plaintext' });
  for (const c of claims) {
    const checked = verifiedVerdicts(c);
    assert.ok(checked);
    assert.equal(checked.sources, seeds.length);
    // Every verdict that says something is among them, in source order; what is left out is a plain lacks.
    const telling = c.verdicts.filter((v) => v.verdict !== 'lacks' || v.hint);
    const found = checked.all();
    for (const v of telling) assert.ok(found.includes(v), `${c.text}: ${v.source}`);
    const order = c.verdicts.map((v) => v.source);
    const positions = found.map((v) => order.indexOf(v.source));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    assert.deepEqual(positions, Array.from({ length: checked.length }, (_, j) => checked.positionOf(j)));
    for (const kind of ['supports', 'contradicts'] as const) assert.equal(checked.count(kind), c.verdicts.filter((v) => v.verdict === kind).length);
    assert.equal(checked.count('hinted'), c.verdicts.filter((v) => v.verdict === 'lacks' && v.hint).length);
  }
  const contradicting = verifiedVerdicts(claims[0]!);
  assert.equal(contradicting?.count('contradicts'), 5);
  assert.deepEqual(contradicting?.take('contradicts', 2).map((v) => v.source), claims[0]!.verdicts.filter((v) => v.verdict === 'contradicts').slice(0, 2).map((v) => v.source));
  assert.equal(verifiedVerdicts({ ...claims[0]! }), null, 'a copy is not a claim the check made');
});

test('an editor\'s cache keeps each verdict as its source and a tag, and makes the same verdict again when read', () => {
  const all: Claim[] = [];
  for (const [name, language] of [['north-korean-losses.md', 'markdown'], ['kursk-briefing.txt', 'plaintext']] as const) {
    const draft = readFileSync(`examples/drafts/${name}`, 'utf8');
    const kept = checkDraft(draft, corpus, { language, cache: new ClaimCache() });
    const plain = checkDraft(draft, corpus, { language });
    assert.ok(kept.length > 10);
    kept.forEach((c, i) => {
      const a = verifiedVerdicts(c)!;
      const b = verifiedVerdicts(plain[i]!)!;
      assert.equal(a.length, b.length, c.text);
      assert.deepEqual(JSON.parse(JSON.stringify(a.all())), JSON.parse(JSON.stringify(b.all())), c.text);
      for (const kind of ['supports', 'contradicts', 'hinted'] as const) assert.equal(a.count(kind), b.count(kind));
      for (const flag of ['credited', 'diff'] as const) assert.equal(a.some('contradicts', flag), b.some('contradicts', flag));
      if (a.length > 0) assert.notEqual(a.at(0), a.at(0), 'made again on each read, not kept');
    });
    all.push(...kept);
  }
  assert.ok(all.some((c) => verifiedVerdicts(c)!.some('contradicts', 'credited')), 'the example drafts misattribute a quotation');
  assert.ok(all.some((c) => verifiedVerdicts(c)!.some('contradicts', 'diff')), 'the example drafts alter a quotation');
});

test('ClaimCache.release forgets every verdict and the corpus, and the next check is the same as an uncached one', () => {
  const local = buildCorpus(seeds);
  const cache = new ClaimCache();
  const draft = 'Roughly 15,000 soldiers were deployed to Kursk.\n\nThe strike came on Friday, Kirby said.';
  const first = checkDraft(draft, local, { language: 'plaintext', cache });
  assert.ok(cache.size > 0);
  cache.release();
  assert.equal(cache.size, 0);
  const again = checkDraft(draft, local, { language: 'plaintext', cache });
  assert.notEqual(firstVerdict(again), firstVerdict(first), 'verified again');
  assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(checkDraft(draft, local, { language: 'plaintext' }))));
});

test('ownSource: a draft that is one of the sources is not checked against itself, cached or not', () => {
  const own = seeds[0] as SourceInput;
  const plain = checkDraft(own.text, corpus, { language: 'plaintext' });
  const mine = checkDraft(own.text, corpus, { language: 'plaintext', ownSource: own.id });
  assert.equal(mine.length, plain.length);
  // Against itself every claim of an article is supported; without itself, some are not.
  assert.ok(plain.every((c) => c.verdicts[0]?.verdict === 'supports'), 'a source supports its own words');
  for (const c of mine) {
    assert.deepEqual(c.verdicts[0], { source: own.id, verdict: 'lacks', reason: 'this source is the draft itself: not checked against itself' });
    assert.equal(c.verdicts.length, seeds.length);
    assert.ok(!/of 5 sources/.test(c.summary), c.summary);
    assert.ok(verifiedVerdicts(c)?.all().every((v) => v.source !== own.id));
  }
  assert.ok(mine.some((c) => c.status !== 'supported'));
  assert.match(mine.find((c) => c.status === 'unsupported')?.summary ?? '', /none of 4 sources settles it/);
  // The other sources' verdicts are the ones they give without it.
  const others = (cs: Claim[]) => cs.map((c) => c.verdicts.slice(1));
  assert.deepEqual(JSON.parse(JSON.stringify(others(mine))), JSON.parse(JSON.stringify(others(plain))));
  // An editor's cached check gives the same; its cache is not shared with a check that names no own source.
  const cache = new ClaimCache();
  const cached = checkDraft(own.text, corpus, { language: 'plaintext', ownSource: own.id, cache });
  assert.deepEqual(JSON.parse(JSON.stringify(cached)), JSON.parse(JSON.stringify(mine)));
  const again = checkDraft(own.text, corpus, { language: 'plaintext', cache });
  assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(plain)));
  // An id the corpus does not have changes nothing.
  assert.deepEqual(JSON.parse(JSON.stringify(checkDraft(own.text, corpus, { language: 'plaintext', ownSource: 'nope.txt' }))), JSON.parse(JSON.stringify(plain)));
});
