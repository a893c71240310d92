// A corpus split into shards gives the verdicts the whole corpus gives: each shard checked with the whole corpus's
// counts (corpus.ts `whole`) and the parts merged in order (check.ts mergeShards), and the parts sent across a
// thread boundary as wire.ts encodes them. In-process here; test/unit/sharded-corpus.test.ts runs real workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { readFileSync, readdirSync } from 'node:fs';
import { buildCorpus, checkDraft, checkShard, mergeShards, readDraft, type ShardPart } from '../../server/src/core/check';
import { setWhole, shardCounts, wholeCounts } from '../../server/src/core/corpus/corpus';
import type { Claim, SourceInput, SourceVerdict } from '../../server/src/core/types';
import { splitEvenly } from '../../server/src/parallel/sharded-corpus';
import { decodePart, transferFor, WireEncoder, type WirePart } from '../../server/src/parallel/wire';
import { MessageChannel } from 'node:worker_threads';
import { generateArticles, generateDraft } from '../../bench/generate';
import { collectGarbage } from '../../server/src/collect-garbage';

/** A part whose verdicts were kept (checkShard without onVerdict) encoded as a worker encodes its own, as they come. */
function encodePart(part: ShardPart, order: ReturnType<typeof buildCorpus>['sources']): WirePart {
  const encoder = new WireEncoder(order);
  part.found.forEach((f, k) => f.verdicts.forEach((v, j) => encoder.add(k, f.at[j] as number, v)));
  return encoder.finish(part);
}

/** Everything a report prints of a claim, every verdict included. */
function printed(claims: readonly Claim[]): string {
  return JSON.stringify(claims.map((c) => ({ ...c, verdicts: c.verdicts })));
}

/** The draft checked shard by shard (`whole`: with the whole corpus's counts), each part through the wire or not. */
function sharded(inputs: readonly SourceInput[], draftText: string, shards: number, opts: { whole?: boolean; wire?: boolean; ownSource?: string } = {}): Claim[] {
  const runs = splitEvenly(inputs, shards, (s) => s.text.length);
  const corpora = runs.map((r) => buildCorpus(r));
  if (opts.whole !== false) {
    const whole = wholeCounts(corpora.map(shardCounts));
    for (const c of corpora) setWhole(c, whole);
  }
  const draft = readDraft(draftText, { language: 'markdown' });
  const parts = corpora.map((c, i): ShardPart => {
    const part = checkShard(draft, c, opts.ownSource === undefined ? {} : { ownSource: opts.ownSource });
    if (opts.wire !== true) return part;
    const sent = deserialize(serialize(encodePart(part, c.sources))) as WirePart;
    return decodePart(sent, (runs[i] as SourceInput[]).map((s) => s.id));
  });
  return mergeShards(draft, parts, runs.flat().map((s) => s.id));
}

test('splitEvenly: runs in order, none empty, of about the same size', () => {
  const inputs = Array.from({ length: 10 }, (_, i) => ({ id: String(i), text: 'x'.repeat(i === 0 ? 50 : 10) }));
  for (const n of [1, 2, 3, 4, 10, 11]) {
    const runs = splitEvenly(inputs, n, (s) => s.text.length);
    assert.equal(runs.length, Math.min(n, inputs.length), `${n} runs`);
    assert.deepEqual(runs.flat(), inputs, 'every input once, in order');
    assert.ok(runs.every((r) => r.length > 0), 'none empty');
  }
  // 140 characters in two: the first input (50) and two more (70) against the rest (70).
  assert.deepEqual(splitEvenly(inputs, 2, (s) => s.text.length).map((r) => r.length), [3, 7]);
  assert.deepEqual(splitEvenly([], 3, () => 1), [[]]);
});

test('a generated draft checked over 2 and 3 shards of 160 generated sources gives the whole corpus\'s verdicts', () => {
  const inputs = generateArticles(160, 11);
  const draft = generateDraft(1500, 11);
  const whole = printed(checkDraft(draft, buildCorpus(inputs), { language: 'markdown' }));
  assert.equal(printed(sharded(inputs, draft, 2)), whole, '2 shards');
  assert.equal(printed(sharded(inputs, draft, 3, { wire: true })), whole, '3 shards, sent through the wire');
  // Without the whole corpus's counts a shard picks other candidates: the counts are what makes them the same.
  assert.notEqual(printed(sharded(inputs, draft, 3, { whole: false })), whole, 'shards on their own counts differ');
});

test('the example drafts over shards of the example sources, one of them the draft\'s own file', () => {
  const dir = 'examples/sources';
  const inputs = readdirSync(dir).sort().map((n) => ({ id: n, text: readFileSync(`${dir}/${n}`, 'utf8') }));
  for (const name of readdirSync('examples/drafts').filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(`examples/drafts/${name}`, 'utf8');
    const withDraft = [...inputs, { id: name, text }];
    const one = checkDraft(text, buildCorpus(withDraft), { language: 'markdown', ownSource: name });
    assert.equal(printed(sharded(withDraft, text, 2, { ownSource: name, wire: true })), printed(one), name);
    assert.match(one[0]?.summary ?? '', / of 5 sources/, 'the own file is not counted');
  }
});

/** A part sent through the wire, its verdicts made. */
function throughWire(part: ShardPart, inputs: readonly SourceInput[], corpus: ReturnType<typeof buildCorpus>): SourceVerdict[][] {
  const sent = deserialize(serialize(encodePart(part, corpus.sources))) as WirePart;
  const back = decodePart(sent, inputs.map((s) => s.id));
  return back.found.map((f) => Array.from(f.at, (_, j) => (f.make ? f.make(j) : (f.verdicts[j] as SourceVerdict))));
}

test('wire: a verdict comes back with the same keys in the same order, whatever it holds', () => {
  const inputs = [
    { id: 'a.txt', text: 'The army said 11,000 soldiers were deployed.\nKirby said: "They are being used as cannon fodder, and we will not stand by."' },
    { id: 'b.txt', text: 'Smith said: "They are being used as cannon fodder, and we will not stand by."' },
  ];
  const corpus = buildCorpus(inputs);
  setWhole(corpus, wholeCounts([shardCounts(corpus)]));
  const draft = readDraft('Roughly 15,000 soldiers were deployed. Kirby said: "They are being used as fodder, and we will not stand by."', { language: 'plaintext' });
  const part = checkShard(draft, corpus);
  const verdicts = part.found.flatMap((f) => f.verdicts);
  assert.ok(verdicts.some((v) => v.evidence !== undefined && v.diff === undefined), 'a plain verdict with evidence');
  assert.ok(verdicts.some((v) => v.diff !== undefined || v.creditedTo !== undefined), 'and one sent whole');
  // A sentence the source's text does not hold (as a verifier might trim or join one) travels as it is.
  const first = verdicts.find((v) => v.evidence !== undefined) as SourceVerdict;
  first.evidence = { ...(first.evidence as NonNullable<SourceVerdict['evidence']>), text: 'The army said 11,000 soldiers were deployed (joined).' };
  const back = throughWire(part, inputs, corpus);
  assert.deepEqual(back, part.found.map((f) => f.verdicts));
  assert.deepEqual(back.flat().map((v) => Object.keys(v)), verdicts.map((v) => Object.keys(v)), 'keys in the same order');
});

test('wire: verdicts encoded one by one as the check finds them come back as the kept ones', () => {
  const inputs = generateArticles(120, 5);
  const corpus = buildCorpus(inputs);
  setWhole(corpus, wholeCounts([shardCounts(corpus)]));
  const draft = readDraft(generateDraft(1500, 5), { language: 'markdown' });
  const kept = checkShard(draft, corpus);
  const encoder = new WireEncoder(corpus.sources);
  const streamed = checkShard(draft, corpus, { onVerdict: (k, at, v) => encoder.add(k, at, v) });
  assert.ok(kept.found.some((f) => f.verdicts.length > 0), 'the draft has found verdicts');
  assert.ok(streamed.found.every((f) => f.verdicts.length === 0), 'the streamed check keeps none');
  assert.deepEqual(streamed.found.map((f) => [f.at, f.tags]), kept.found.map((f) => [f.at, f.tags]));
  // Numbered in the order they come (source by source, not claim by claim), they decode to the same verdicts.
  const sent = deserialize(serialize(encoder.finish(streamed))) as WirePart;
  const back = decodePart(sent, inputs.map((s) => s.id)).found.map((f) => Array.from(f.at, (_, j) => (f.make as (j: number) => SourceVerdict)(j)));
  assert.deepEqual(back, kept.found.map((f) => f.verdicts));
  // A part that does not match what was encoded is refused rather than sent wrong.
  const short = new WireEncoder(corpus.sources);
  assert.throws(() => short.finish(kept), /verdicts encoded for/);
});

test('wire: sentences travel once each, and two that start at one place but differ in length both come back', () => {
  const text = 'Some 11,000 troops were sent. Officials said 12,000 later.';
  const order = buildCorpus([{ id: 's.txt', text }]).sources;
  const evidence = (sentenceEnd: number, word: string) => {
    const start = text.indexOf(word);
    return { text: text.slice(0, sentenceEnd), line: 1, column: start + 1, wording: word, start, end: start + word.length };
  };
  const first = evidence(29, '11,000 troops');
  const again = { ...evidence(29, 'troops') };
  const longer = evidence(text.length, '12,000');
  const verdicts: SourceVerdict[] = [first, again, longer].map((ev) => ({ source: 's.txt', verdict: 'contradicts', reason: 'source says so', evidence: ev }));
  const encoder = new WireEncoder(order);
  verdicts.forEach((v, k) => encoder.add(k, 0, v));
  const part: ShardPart = { sources: 1, own: -1, found: verdicts.map(() => ({ at: Int32Array.of(0), tags: Uint8Array.of(1), verdicts: [] })) };
  const sent = deserialize(serialize(encoder.finish(part))) as WirePart;
  assert.equal(sent.sentenceEnds.length, 2, 'the first sentence once, the longer one on its own');
  assert.equal(new TextDecoder().decode(sent.sentences), text.slice(0, 29) + text);
  const back = decodePart(sent, ['s.txt']).found.map((f) => (f.make as (j: number) => SourceVerdict)(0));
  assert.deepEqual(back, verdicts);
});

test('wire: sentences of any characters come back as they were: accents, emoji, a byte order mark, half a surrogate pair', () => {
  const texts = ['Café owners said 11,000 troops came. ', '\uFEFFSome 12,000 troops 😀 were sent. ', 'Half \uD83D a pair: 13,000 troops left. ', 'A pair \uDE00 reversed \uDE00\uD83D: 14,000 troops. ', 'Plain 15,000 troops.'];
  const text = texts.join('');
  const order = buildCorpus([{ id: 's.txt', text }]).sources;
  let at = 0;
  const verdicts: SourceVerdict[] = texts.map((sentence) => {
    const from = at;
    at += sentence.length;
    const start = from + sentence.search(/\d/);
    const end = text.indexOf(' troops', start) + ' troops'.length;
    const ev = { text: sentence, line: 1, column: start + 1, wording: text.slice(start, end), start, end };
    return { source: 's.txt', verdict: 'contradicts', reason: 'source says so', evidence: ev };
  });
  const encoder = new WireEncoder(order);
  verdicts.forEach((v, k) => encoder.add(k, 0, v));
  const part: ShardPart = { sources: 1, own: -1, found: verdicts.map(() => ({ at: Int32Array.of(0), tags: Uint8Array.of(1), verdicts: [] })) };
  const wire = encoder.finish(part);
  assert.equal(wire.sentenceEnds.length, 3, 'the sentences with half a pair travel whole, the others in UTF-8');
  const sent = deserialize(serialize(wire)) as WirePart;
  const back = decodePart(sent, ['s.txt']).found.map((f) => (f.make as (j: number) => SourceVerdict)(0));
  assert.deepEqual(back, verdicts);
});

test('wire: the typed arrays of a part are listed once each to be moved, not copied, to the receiving thread', async () => {
  const inputs = generateArticles(60, 7);
  const corpus = buildCorpus(inputs);
  setWhole(corpus, wholeCounts([shardCounts(corpus)]));
  const draft = readDraft(generateDraft(800, 7), { language: 'markdown' });
  const encoder = new WireEncoder(corpus.sources);
  const part = checkShard(draft, corpus, { onVerdict: (k, at, v) => encoder.add(k, at, v) });
  const wire = encoder.finish(part);
  const expected = decodePart(deserialize(serialize(wire)) as WirePart, inputs.map((s) => s.id)).found.map((f) => Array.from(f.at, (_, j) => (f.make as (j: number) => SourceVerdict)(j)));
  const list = transferFor(wire);
  assert.equal(new Set(list).size, list.length, 'each buffer once');
  assert.equal(list.length, 4 + 5 * wire.found.length);
  const { port1, port2 } = new MessageChannel();
  const moved = new Promise<WirePart>((resolve) => port2.once('message', resolve));
  port1.postMessage(wire, list);
  const got = await moved;
  port1.close();
  assert.equal(wire.sentences.byteLength, 0, 'the sentences of the sender were moved');
  assert.ok(got.sentences.byteLength > 0);
  const back = decodePart(got, inputs.map((s) => s.id)).found.map((f) => Array.from(f.at, (_, j) => (f.make as (j: number) => SourceVerdict)(j)));
  assert.deepEqual(back, expected);
});

test('wire: the encoder keeps the evidence of one source at a time, and numbers evidence that comes back out of order anew', async () => {
  const texts = ['Some 11,000 troops were sent.', 'About 12,000 troops were sent.'];
  const order = buildCorpus(texts.map((text, i) => ({ id: `s${i}.txt`, text }))).sources;
  const evidenceOf = (i: number) => {
    const text = texts[i] as string;
    const word = text.split(' ')[1] as string;
    const start = text.indexOf(word);
    return { text, line: 1, column: start + 1, wording: word, start, end: start + word.length };
  };
  let first: ReturnType<typeof evidenceOf> | null = evidenceOf(0);
  const firstRef = new WeakRef(first);
  const encoder = new WireEncoder(order);
  const verdict = (i: number, evidence: ReturnType<typeof evidenceOf>): SourceVerdict => ({ source: `s${i}.txt`, verdict: 'contradicts', reason: 'source says so', evidence });
  const second = evidenceOf(1);
  // Claim 0 and claim 1 cite the same evidence of s0; then s1; then s0's evidence again, out of order (claim 2).
  encoder.add(0, 0, verdict(0, first));
  encoder.add(1, 0, verdict(0, first));
  encoder.add(0, 1, verdict(1, second));
  const again = { ...first };
  encoder.add(2, 0, verdict(0, again));
  first = null;
  // A WeakRef read in this turn holds its object until the turn ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  assert.equal(firstRef.deref(), undefined, "the first source's evidence is not held once the next source's come");
  const found = [Int32Array.of(0, 1), Int32Array.of(0), Int32Array.of(0)];
  const part: ShardPart = { sources: 2, own: -1, found: found.map((at) => ({ at, tags: new Uint8Array(at.length).fill(1), verdicts: [] })) };
  const sent = deserialize(serialize(encoder.finish(part))) as WirePart;
  assert.equal(sent.evidence.length / 5, 3, 'evidence numbered once per source visit: s0, s1, s0 again');
  const back = decodePart(sent, ['s0.txt', 's1.txt']).found.map((f) => Array.from(f.at, (_, j) => (f.make as (j: number) => SourceVerdict)(j)));
  assert.deepEqual(back, [[verdict(0, again), verdict(1, second)], [verdict(0, again)], [verdict(0, again)]]);
  assert.equal((back[0] as SourceVerdict[])[0]?.evidence, (back[1] as SourceVerdict[])[0]?.evidence, 'one source visit, one evidence object');
});
