// The full collections the server makes: once indexing is done, and after a check once the heap has grown by
// more than a slack since the last one. They free garbage V8 would otherwise keep until its own heap limit.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { collectGarbage, HeapBudget } from '../../server/src/collect-garbage';
import { startTestServer, tempWorkspace, type TestClient } from './harness';

describe('collectGarbage', () => {
  it('frees what nothing holds any more, in a process started without --expose-gc', () => {
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
    let garbage: { n: number; s: string }[] | null = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `item ${n}` }));
    const held = process.memoryUsage().heapUsed;
    assert.equal(garbage.length, 400_000);
    garbage = null;
    collectGarbage();
    const freed = held - process.memoryUsage().heapUsed;
    assert.ok(freed > 10e6, `freed ${(freed / 1e6).toFixed(1)} MB`);
  });
});

describe('HeapBudget', () => {
  it('collects only once the heap has grown by more than the slack since the last collection', () => {
    let used = 100;
    let collections = 0;
    const budget = new HeapBudget(() => {
      collections++;
      used = 100 + collections; // what is left after each collection
    }, 50, () => used);
    used = 140;
    assert.equal(budget.afterWork(), false);
    used = 151;
    assert.equal(budget.afterWork(), true);
    assert.equal(collections, 1);
    used = 140; // 39 above what the collection left
    assert.equal(budget.afterWork(), false);
    used = 152;
    assert.equal(budget.afterWork(), true);
    assert.equal(collections, 2);
  });

  it('counts from what V8 left when it collected on its own', () => {
    let used = 300;
    let collections = 0;
    const budget = new HeapBudget(() => collections++, 50, () => used);
    used = 200;
    assert.equal(budget.afterWork(), false);
    used = 260;
    assert.equal(budget.afterWork(), true, '60 above what V8 left');
    assert.equal(collections, 1);
  });
});

describe('the server\'s collections', () => {
  const ws = tempWorkspace();
  let client: TestClient;
  let collections = 0;
  before(async () => {
    // No slack: every new check is followed by a collection.
    client = await startTestServer({ folders: [ws.dir], deps: { collectGarbage: () => collections++, heapSlack: 0 } });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('collects once the sources are indexed, and after each new check, not after an answer from the last one', async () => {
    assert.equal(collections, 1);
    const uri = 'untitled:gc.md';
    await client.open(uri, 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n');
    await client.pull(uri);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(collections, 2);
    await client.pull(uri);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(collections, 2, 'the same version: no new check');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Now. ' }]);
    await client.pull(uri);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(collections, 3);
  });

  it('lets go of the old index before building a new one, and checks against the new one after', async () => {
    const uri = 'untitled:gc.md';
    const before = collections;
    assert.deepEqual(await client.request('citecheck/reindex', {}), { sources: 5 });
    // One collection once the drafts let go of the old index, one once the new index is built.
    assert.equal(collections, before + 2);
    const [d] = await client.pull(uri);
    assert.match(d?.message ?? '', /^Figure contradicted: 5 of 5 sources contradict/);
  });
});
