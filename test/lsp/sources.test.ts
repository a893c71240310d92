// Sources on disk: indexed at start with work-done progress, kept current one file at a time by
// didChangeWatchedFiles, bad files skipped with one warning line, .citecheck.json honoured.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { fileUri, startTestServer, tempWorkspace, type TestClient } from './harness';
import type { StatusParams } from '../../server/src/lsp/protocol';

const CLAIM_TEXT = 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n';

describe('sources on disk', () => {
  const ws = tempWorkspace();
  let client: TestClient;
  const draft = 'untitled:sources.md';
  before(async () => {
    writeFileSync(path.join(ws.dir, 'sources', 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    client = await startTestServer({ folders: [ws.dir] });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  const change = async (file: string, type: 1 | 2 | 3): Promise<Diagnostic[]> => {
    const since = client.events.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
    await client.waitFor('workspace/diagnostic/refresh', () => true, since);
    return client.pull(draft);
  };

  it('indexes at start with work-done progress and a status, warning once about a bad file', async () => {
    const progress = client.events.filter((e) => e.method === '$/progress').map((e) => (e.params as { value: { kind: string; message?: string } }).value);
    assert.equal(progress[0]?.kind, 'begin');
    assert.ok(progress.some((p) => p.kind === 'report' && p.message === 'Indexing 5 sources'), JSON.stringify(progress));
    assert.equal(progress[progress.length - 1]?.kind, 'end');
    const status = await client.ready();
    assert.deepEqual({ indexed: status.indexed, total: status.total }, { indexed: 5, total: 5 });
    const warnings = client.events.filter((e) => e.method === 'window/logMessage' && (e.params as { message: string }).message.includes('binary.txt'));
    assert.equal(warnings.length, 1);
    assert.match((warnings[0]?.params as { message: string }).message, /binary\.txt: skipped: binary file/);
    assert.equal((warnings[0]?.params as { type: number }).type, 2);
  });

  it('registers watchers for sources and .citecheck.json', async () => {
    const reg = await client.waitFor<{ registrations: { method: string; registerOptions: { watchers: { globPattern: unknown }[] } }[] }>(
      'client/registerCapability', (p) => p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const watchers = reg.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions.watchers ?? [];
    assert.ok(watchers.some((w) => JSON.stringify(w.globPattern).includes('.citecheck.json')));
  });

  it('re-checks open drafts when a source changes, is added or is removed on disk', async () => {
    await client.open(draft, CLAIM_TEXT);
    assert.match((await client.pull(draft))[0]?.message ?? '', /5 of 5 sources contradict/);

    const changed = path.join(ws.dir, 'sources', '000_7a34a46a7e895115.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('approximately 11,000 soldiers', 'roughly 15,000 soldiers'));
    assert.match((await change(changed, 2))[0]?.message ?? '', /4 of 5 sources contradict, 1 supports; the sources disagree/);

    writeFileSync(path.join(ws.dir, 'sources', 'wire.md'), '---\ntitle: Wire\n---\nAbout 15,000 North Korean soldiers were deployed to the Kursk region, officials said.\n');
    assert.match((await change(path.join(ws.dir, 'sources', 'wire.md'), 1))[0]?.message ?? '', /4 of 6 sources contradict, 2 support/);

    rmSync(changed);
    assert.match((await change(changed, 3))[0]?.message ?? '', /4 of 5 sources contradict, 1 supports/);
    const status = client.events.filter((e) => e.method === 'citecheck/status').at(-1)?.params as StatusParams;
    assert.equal(status.indexed, 5);
  });

  it('checks a source opened as a draft against the other sources, not against itself', async () => {
    const file = path.join(ws.dir, 'sources', '004_0c89b39f0ca6556f.txt');
    const uri = fileUri(file);
    await client.open(uri, readFileSync(file, 'utf8'), 'plaintext');
    const messages = (await client.pull(uri)).map((d) => d.message);
    assert.ok(messages.length > 0);
    for (const m of messages) {
      const of = /of (\d+) sources?/.exec(m);
      assert.ok(of, m);
      assert.equal(of[1], '4', m);
    }
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('ignores watcher events for files that are not sources, and survives a source that turns binary', async () => {
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws.dir, 'notes.md')), type: 1 }] });
    const wire = path.join(ws.dir, 'sources', 'wire.md');
    writeFileSync(wire, Buffer.from([0, 1, 2]));
    const ds = await change(wire, 2);
    assert.match(ds[0]?.message ?? '', /4 of 4 sources contradict/);
  });
});

describe('.citecheck.json', () => {
  const ws = tempWorkspace();
  let client: TestClient;
  before(async () => {
    writeFileSync(path.join(ws.dir, '.citecheck.json'), JSON.stringify({ sources: ['sources/00[0-1]*.txt'] }));
    client = await startTestServer({ folders: [ws.dir] });
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('takes the sources from .citecheck.json, and reindexes when it changes', async () => {
    assert.equal((await client.ready()).total, 2);
    const since = client.events.length;
    writeFileSync(path.join(ws.dir, '.citecheck.json'), JSON.stringify({ sources: ['sources'] }));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws.dir, '.citecheck.json')), type: 2 }] });
    assert.equal((await client.waitFor<StatusParams>('citecheck/status', (s) => s.state === 'ready' && s.total === 5, since)).indexed, 5);
  });

  it('warns in one line about a malformed .citecheck.json and falls back to the settings', async () => {
    const since = client.events.length;
    writeFileSync(path.join(ws.dir, '.citecheck.json'), '{ "sources": ');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws.dir, '.citecheck.json')), type: 2 }] });
    const warning = await client.waitFor<{ message: string }>('window/logMessage', (m) => m.message.includes('.citecheck.json'), since);
    assert.ok(!warning.message.includes('\n'));
    assert.equal((await client.ready(since)).total, 5);
  });
});
