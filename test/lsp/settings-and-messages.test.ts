// Settings changed at run time, Citecheck's own messages (status, report, export, reindex), and robustness:
// a failing reader or a strange draft costs one log line, never the server.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InlayHint } from 'vscode-languageserver/node';
import { EXAMPLE_DRAFT, EXAMPLES, exampleServer, fileUri, serverWithExampleDraft, startTestServer, type TestClient } from './harness';
import type { ExportResult, ReportResult, StatusParams } from '../../server/src/lsp/protocol';

const draftText = readFileSync(EXAMPLE_DRAFT, 'utf8');
const uri = fileUri(EXAMPLE_DRAFT);

describe('settings changed at run time', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await serverWithExampleDraft());
  });
  after(() => client.stop());

  it('pulls settings per document scope, and applies new severities and inlay hints after didChangeConfiguration', async () => {
    const before = await client.pull(uri);
    assert.ok(client.configurationScopes.includes(uri));
    assert.ok(before.some((d) => d.severity === 2) && before.some((d) => d.severity === 3));
    client.settings = { severity: { contradicted: 'error', unsupported: 'off' }, inlayHints: false };
    const since = client.events.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('workspace/diagnostic/refresh', () => true, since);
    const now = await client.pull(uri);
    assert.ok(now.length > 0 && now.every((d) => d.severity === 1 && d.code !== 'unsupported'));
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.deepEqual(hints, []);
  });

  it('stops checking a language taken out of citecheck.languages', async () => {
    client.settings = { languages: ['plaintext'] };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.pull(uri), []);
  });
});

describe('custom messages', () => {
  let client: TestClient;
  before(async () => {
    client = await exampleServer();
  });
  after(() => client.stop());

  it('sends a status with the claim counts of the open drafts after a check', async () => {
    const since = client.events.length;
    await client.open(uri, draftText);
    await client.pull(uri);
    const s = await client.waitFor<StatusParams>('citecheck/status', (p) => p.claims > 0, since);
    assert.deepEqual(s, { state: 'ready', indexed: 5, total: 5, claims: 16, contradicted: 4 });
  });

  it('reports every draft of the workspace (open or on disk) with all verdicts, and the sources', async () => {
    const r = await client.request<ReportResult>('citecheck/report', {});
    // Every Markdown and text file of the folder that is not a source counts as a draft (examples/README.md too).
    const uris = r.drafts.map((d) => d.uri);
    assert.ok(uris.includes(uri) && uris.includes(fileUri(path.join(EXAMPLES, 'drafts', 'kursk-briefing.txt'))), uris.join(' '));
    assert.ok(!uris.some((u) => u.includes('/sources/')));
    assert.equal(r.sources.length, 5);
    const claim = r.drafts.find((d) => d.uri === uri)?.claims.find((c) => c.text.startsWith('Roughly 15,000'));
    assert.equal(claim?.verdicts.length, 5);
    assert.equal(claim?.verdicts[0]?.evidence?.line, 4);
    // The on-disk draft now shows in workspace diagnostics too.
    const ws = await client.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
    assert.ok(ws.items.some((i) => i.uri.endsWith('kursk-briefing.txt')));
  });

  it('reports its progress draft by draft under the work-done token of the request', async () => {
    const since = client.events.length;
    const token = 'report-progress-test';
    const r = await client.request<ReportResult>('citecheck/report', { workDoneToken: token });
    const values = client.events
      .slice(since)
      .filter((e) => e.method === '$/progress' && (e.params as { token: string }).token === token)
      .map((e) => (e.params as { value: { kind: string; message?: string; percentage?: number } }).value);
    assert.equal(values[0]?.kind, 'begin');
    assert.equal(values.at(-1)?.kind, 'end');
    const reports = values.filter((v) => v.kind === 'report');
    assert.equal(reports.length, r.drafts.length, JSON.stringify(values));
    assert.equal(reports[0]?.message, `Checking draft 1 of ${r.drafts.length}`);
    assert.deepEqual(reports.map((v) => v.percentage), [...reports.keys()].map((i) => Math.round((100 * i) / r.drafts.length)));
  });

  it('exports the CLI JSON and SARIF for the drafts asked for', async () => {
    const json = JSON.parse((await client.request<ExportResult>('citecheck/export', { format: 'json', uris: [uri] })).text);
    assert.equal(json.drafts.length, 1);
    assert.equal(json.drafts[0].path, 'drafts/north-korean-losses.md');
    const sarif = JSON.parse((await client.request<ExportResult>('citecheck/export', { format: 'sarif', uris: [uri] })).text);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'figure-contradicted'));
  });

  it('writes the export to a file itself when given one (a report too large to send), and says why when it cannot', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citecheck-export-'));
    try {
      const file = path.join(dir, 'report.json');
      const sent = await client.request<ExportResult>('citecheck/export', { format: 'json', uris: [uri] });
      const written = await client.request<ExportResult>('citecheck/export', { format: 'json', uris: [uri], target: file });
      assert.equal(written.text, '');
      assert.equal(written.error, undefined);
      assert.equal(readFileSync(file, 'utf8'), sent.text);
      assert.equal(written.written, sent.text.length);
      const sarif = path.join(dir, 'report.sarif');
      await client.request<ExportResult>('citecheck/export', { format: 'sarif', uris: [uri], target: sarif });
      assert.equal((JSON.parse(readFileSync(sarif, 'utf8')) as { version: string }).version, '2.1.0');
      const bad = await client.request<ExportResult>('citecheck/export', { format: 'json', uris: [uri], target: path.join(dir, 'no', 'such', 'dir', 'r.json') });
      assert.match(bad.error ?? '', /^could not write .*r\.json: .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reindexes on request', async () => {
    assert.deepEqual(await client.request('citecheck/reindex', {}), { sources: 5 });
  });
});

describe('the report with more sources than a table shows', () => {
  // The full report has a cell per claim and source: at 10,000 sources 2.8 million verdicts, a 2.9 GB server and a
  // page no one can read. Above reportFullSources (lowered here to 2) it lists a few sources of each verdict per claim.
  let client: TestClient;
  before(async () => {
    client = await startTestServer({ folders: [EXAMPLES], deps: { reportFullSources: 2 } });
    await client.ready();
    await client.open(uri, draftText);
  });
  after(() => client.stop());

  it('lists the telling verdicts with counts, and only the sources they name', async () => {
    const r = await client.request<ReportResult>('citecheck/report', { uris: [uri] });
    assert.equal(r.compact, true);
    assert.equal(r.sourceCount, 5);
    const claims = r.drafts[0]?.claims ?? [];
    const figure = claims.find((c) => c.text.startsWith('Roughly 15,000'));
    assert.deepEqual(figure?.counts, { supports: 0, contradicts: 5, lacks: 0, hinted: 0 });
    assert.equal(figure?.verdicts.length, 5);
    assert.ok(figure?.verdicts.every((v) => v.verdict === 'contradicts' && v.evidence !== undefined));
    assert.equal(figure?.verdicts[0]?.evidence?.line, 4);
    // No plain lacks are sent; every source named is in the list, and no other.
    for (const c of claims) assert.ok(c.verdicts.every((v) => v.verdict !== 'lacks' || v.hint !== undefined), c.text);
    const named = new Set(claims.flatMap((c) => c.verdicts.map((v) => v.source)));
    assert.deepEqual(new Set(r.sources.map((s) => s.id)), named);
    // The same claims and statuses as the full report.
    const full = await startTestServer({ folders: [EXAMPLES] });
    try {
      await full.ready();
      await full.open(uri, draftText);
      const f = await full.request<ReportResult>('citecheck/report', { uris: [uri] });
      assert.equal(f.compact, undefined);
      assert.deepEqual(claims.map((c) => [c.text, c.status, c.summary]), f.drafts[0]?.claims.map((c) => [c.text, c.status, c.summary]));
      for (const [i, c] of claims.entries()) {
        const all = f.drafts[0]?.claims[i]?.verdicts ?? [];
        assert.equal(c.counts?.supports, all.filter((v) => v.verdict === 'supports').length);
        assert.equal(c.counts?.contradicts, all.filter((v) => v.verdict === 'contradicts').length);
        assert.equal(c.counts?.hinted, all.filter((v) => v.verdict === 'lacks' && v.hint !== undefined).length);
      }
    } finally {
      await full.stop();
    }
  });
});

describe('robustness', () => {
  it('logs one line when reading sources fails, and keeps answering', async () => {
    const client = await startTestServer({
      folders: [EXAMPLES],
      deps: { loadSources: () => Promise.reject(new Error('disk on fire\nsecond line')) },
    });
    try {
      const line = await client.waitFor<{ message: string }>('window/logMessage', (m) => m.message.includes('disk on fire'));
      assert.ok(!line.message.includes('\n'));
      const text = 'Roughly 15,000 North Korean soldiers were deployed.\n\u0000\uD800 lone surrogate, ```unclosed fence\n' + '9'.repeat(5000) + '\n';
      await client.open('untitled:odd.md', text);
      const ds = await client.pull('untitled:odd.md');
      assert.ok(Array.isArray(ds));
    } finally {
      await client.stop();
    }
  });
});

describe('a source of millions of numbers', () => {
  it('is read up to its 50,000th mention, and the log says where in the file', async () => {
    const text = '1 2 3 4 5 6 7 8 9 10\n'.repeat(30_000);
    const client = await startTestServer({
      folders: [EXAMPLES],
      deps: {
        loadSources: () =>
          Promise.resolve({
            sources: [{ id: 'table.txt', path: 'table.txt', text, format: 'text', locate: (o: number) => ({ line: text.slice(0, o).split('\n').length, column: 1 }), remapped: false }],
            warnings: [],
          } as never),
      },
    });
    try {
      const line = await client.waitFor<{ message: string }>('window/logMessage', (m) => m.message.includes('table.txt'));
      assert.match(line.message, /table\.txt: more than 50,000 figures, dates and quotations: read up to line 5,?\d{3}, column 1$/);
    } finally {
      await client.stop();
    }
  });
});

describe('the built server over stdio', () => {
  const built = path.resolve(__dirname, '../../server/out/server.js');
  it('initializes with a plain LSP client and shuts down', async () => {
    assert.ok(existsSync(built), 'server/out/server.js is missing: run npm run build');
    const child = spawn(process.execPath, [built, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onNotification(() => undefined);
    conn.listen();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as {
        capabilities: { hoverProvider?: boolean; textDocumentSync?: { change: number } };
        serverInfo?: { name: string };
      };
      assert.equal(init.serverInfo?.name, 'citecheck');
      assert.equal(init.capabilities.hoverProvider, true);
      assert.equal(init.capabilities.textDocumentSync?.change, 2);
      await conn.sendNotification('initialized', {});
      await conn.sendRequest('shutdown', null);
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});
