// Workspace folders added and removed while the server runs: a draft is checked against the sources of the
// innermost folder that holds it (else the first folder), and the folders' indexes follow the changes.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, startTestServer, tempWorkspace, type TestClient } from './harness';

const CLAIM = 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n';

describe('workspace folders changed at run time', () => {
  const first = tempWorkspace();
  const second = mkdtempSync(path.join(tmpdir(), 'citecheck-lsp-second-'));
  let client: TestClient;
  before(async () => {
    mkdirSync(path.join(second, 'sources'));
    writeFileSync(path.join(second, 'sources', 'only.txt'), 'About 9,000 North Korean soldiers were deployed to the Kursk region.\n');
    client = await startTestServer({ folders: [first.dir] });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    first.cleanup();
    rmSync(second, { recursive: true, force: true });
  });

  async function summaryOf(uri: string): Promise<string> {
    const [d] = await client.pull(uri);
    return d?.message ?? '(no diagnostic)';
  }

  it('checks a draft in an added folder against that folder\'s sources, and drafts elsewhere against the first folder', async () => {
    const inSecond = fileUri(path.join(second, 'drafts', 'draft.md'));
    await client.open(inSecond, CLAIM);
    // Not in any folder yet: the first folder's five sources.
    assert.match(await summaryOf(inSecond), /5 of 5 sources contradict/);
    const since = client.events.length;
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(second), name: 'second' }], removed: [] } });
    await client.ready(since);
    // The editor is told to pull again: the draft has not changed, its sources have.
    await client.waitFor('workspace/diagnostic/refresh', () => true, since);
    assert.match(await summaryOf(inSecond), /1 of 1 source contradicts/);
    const inFirst = fileUri(path.join(first.dir, 'drafts', 'new.md'));
    await client.open(inFirst, CLAIM);
    assert.match(await summaryOf(inFirst), /5 of 5 sources contradict/);
  });

  it('after a folder is removed, its open drafts fall back to the remaining first folder, without an edit', async () => {
    const since = client.events.length;
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(first.dir), name: path.basename(first.dir) }] } });
    await client.waitFor('workspace/diagnostic/refresh', () => true, since);
    const inFirst = fileUri(path.join(first.dir, 'drafts', 'new.md'));
    assert.match(await summaryOf(inFirst), /1 of 1 source contradicts/);
  });
});
