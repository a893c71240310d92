// The full collection the server makes once indexing is done: it frees garbage V8 would otherwise keep until its
// heap limit, and the server makes it exactly once per indexing run.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { collectGarbage } from '../../server/src/lsp/collect-garbage';
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

describe('the server after indexing', () => {
  const ws = tempWorkspace();
  let client: TestClient;
  const calls: number[] = [];
  before(async () => {
    client = await startTestServer({ folders: [ws.dir], deps: { afterIndexing: () => calls.push(Date.now()) } });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('collects garbage once the sources are indexed', () => {
    assert.equal(calls.length, 1);
  });
});
