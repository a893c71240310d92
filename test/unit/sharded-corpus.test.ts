// ShardedCorpus with real worker threads: the same claims as one corpus in this thread, progress that adds up, and
// a worker that fails ends the call with a one-line error rather than a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, checkDraft } from '../../server/src/core/check';
import type { Claim, SourceInput } from '../../server/src/core/types';
import { ShardedCorpus, splitEvenly } from '../../server/src/parallel/sharded-corpus';
import { collectGarbage } from '../../server/src/collect-garbage';
import { generateArticles, generateDraft } from '../../bench/generate';

function printed(claims: readonly Claim[]): string {
  return JSON.stringify(claims.map((c) => ({ ...c, verdicts: c.verdicts })));
}

test('3 shards on worker threads give the claims one corpus gives, draft after draft', async () => {
  const inputs = generateArticles(120, 5);
  const seen: [number, number][] = [];
  const sharded = await ShardedCorpus.build(inputs, { jobs: 3, onProgress: (done, total) => seen.push([done, total]) });
  try {
    assert.equal(sharded.jobs, 3);
    assert.deepEqual(sharded.ids, inputs.map((s) => s.id));
    assert.deepEqual(seen.at(-1), [120, 120], 'progress ends at the total');
    assert.ok(seen.every(([d], i) => i === 0 || d >= (seen[i - 1] as [number, number])[0]), 'and never goes back');
    const corpus = buildCorpus(inputs);
    for (const seed of [5, 6]) {
      const draft = generateDraft(800, seed);
      const checked: number[] = [];
      const claims = await sharded.check(draft, { language: 'markdown', keepPreparations: true, onProgress: (d) => checked.push(d) });
      assert.equal(printed(claims), printed(checkDraft(draft, corpus, { language: 'markdown' })), `draft ${seed}`);
      assert.equal(checked.at(-1), 120);
    }
  } finally {
    await sharded.close();
  }
});

test('a worker that cannot start, or that stops during a check, ends the call with an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-shard-'));
  const broken = join(dir, 'broken.js');
  writeFileSync(broken, 'throw new Error("no such engine");\n');
  const inputs = generateArticles(4, 5);
  await assert.rejects(ShardedCorpus.build(inputs, { jobs: 2, workerScript: broken }), /a worker thread failed: no such engine/);
  const quits = join(dir, 'quits.js');
  writeFileSync(
    quits,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'build') parentPort.postMessage({ type: 'built', done: m.sources.length, counts: { sources: m.sources.length, quote: [], dated: [] }, readTo: [], ids: m.sources.map((s) => s.id) });
  if (m.type === 'check') process.exit(3);
});\n`,
  );
  const sharded = await ShardedCorpus.build(inputs, { jobs: 2, workerScript: quits });
  try {
    await assert.rejects(sharded.check('About 15,000 soldiers were deployed.'), /a worker thread failed: it stopped \(exit code 3\)/);
  } finally {
    await sharded.close();
  }
  await assert.rejects(ShardedCorpus.build(inputs, { jobs: 2, workerScript: join(dir, 'missing.js') }), /the worker script .*missing\.js is missing/);
});

test('once built, the corpus holds none of the sources sent to a worker: their verdicts are made without them', async () => {
  const inputs = generateArticles(60, 7);
  const draft = generateDraft(800, 7);
  const expected = printed(checkDraft(draft, buildCorpus(inputs), { language: 'markdown' }));
  // Copies that only the corpus is given; the second half goes to the worker.
  let given: SourceInput[] | null = inputs.map((s) => ({ ...s }));
  const sent = given.slice(30).map((s) => new WeakRef(s));
  const sharded = await ShardedCorpus.build(given, { jobs: 2 });
  given = null;
  try {
    assert.deepEqual(splitEvenly(inputs, 2, (s) => s.text.length).map((r) => r.length), [30, 30]);
    // A WeakRef read in this turn holds its object until the turn ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(sent.filter((r) => r.deref() !== undefined).length, 0, 'sources sent to the worker still held');
    assert.equal(printed(await sharded.check(draft, { language: 'markdown' })), expected);
  } finally {
    await sharded.close();
  }
});
