// Diagnostics through the language server: pulled and pushed, with severities, codes, messages and the
// evidence of each contradicting source as related information.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { EXAMPLE_DRAFT, EXAMPLES, exampleServer, fileUri, serverOverTempWorkspace, startTestServer, type TestClient } from './harness';

const DRAFT = EXAMPLE_DRAFT;
const KURSK = path.join(EXAMPLES, 'drafts', 'kursk-briefing.txt');
const draftText = readFileSync(DRAFT, 'utf8');

function find(ds: Diagnostic[], text: string, source: string): Diagnostic {
  const lines = source.split('\n');
  const d = ds.find((x) => {
    const line = lines[x.range.start.line] ?? '';
    return line.slice(x.range.start.character).startsWith(text);
  });
  assert.ok(d, `no diagnostic on "${text}" among ${ds.length}`);
  return d;
}

describe('pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await exampleServer();
  });
  after(() => client.stop());

  it('reports a contradicted figure as a warning with its code, summary and the evidence of every contradicting source', async () => {
    await client.open(fileUri(DRAFT), draftText);
    const ds = await client.pull(fileUri(DRAFT));
    const d = find(ds, 'Roughly 15,000 North Korean soldiers', draftText);
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'figure-contradicted');
    assert.equal(d.source, 'citecheck');
    assert.match(d.message, /^Figure contradicted: 5 of 5 sources contradict/);
    assert.equal(d.relatedInformation?.length, 5);
    // 000_7a34a46a7e895115.txt:4:33 in the CLI's 1-based terms.
    const first = d.relatedInformation?.find((r) => r.location.uri.endsWith('000_7a34a46a7e895115.txt'));
    assert.ok(first);
    assert.deepEqual(first.location.range.start, { line: 3, character: 32 });
    const evidenceLine = readFileSync(path.join(EXAMPLES, 'sources', '000_7a34a46a7e895115.txt'), 'utf8').split('\n')[3] ?? '';
    assert.ok(evidenceLine.slice(32).startsWith('approximately 11,000 soldiers'));
    assert.match(first.message, /source says approximately 11,000 soldiers/);
    // The editor shows the file beside the location: a source without a title of its own is not named twice.
    assert.doesNotMatch(first.message, /000_7a34a46a7e895115/);
  });

  it('reports an unsupported claim as information, and no supported claim at all', async () => {
    const ds = await client.pull(fileUri(DRAFT));
    const d = find(ds, 'an estimated $2 billion', draftText);
    assert.equal(d.severity, 3);
    assert.equal(d.code, 'unsupported');
    assert.ok(!ds.some((x) => draftText.split('\n')[x.range.start.line]?.slice(x.range.start.character).startsWith('78 missiles')));
  });

  it('says where it stopped reading a draft with more than 50,000 claims, and checks the claims before it', async () => {
    const uri = 'untitled:numbers.md';
    const text = `Roughly 15,000 North Korean soldiers were deployed.\n\n${'7 '.repeat(60_000)}\n`;
    await client.open(uri, text);
    const ds = await client.pull(uri);
    const limit = ds.find((d) => d.code === 'read-limit');
    assert.ok(limit, 'no read-limit diagnostic');
    assert.equal(limit.severity, 3);
    assert.match(limit.message, /^Citecheck stopped reading here: the draft has more than 50,000 figures, dates and quotations/);
    // The 50,001st claim: the first is the soldiers, then the bare numbers two characters apart on line 3.
    assert.deepEqual(limit.range.start, { line: 2, character: 2 * 49_999 });
    assert.equal(find(ds, 'Roughly 15,000 North Korean soldiers', text).code, 'figure-contradicted');
  });

  it('gives quotation codes: altered and misattributed', async () => {
    const ds = await client.pull(fileUri(DRAFT));
    assert.equal(find(ds, '"Everything is set up', draftText).code, 'quote-altered');
    assert.equal(find(ds, '"We also have reports', draftText).code, 'quote-misattributed');
  });

  it('says when the sources disagree among themselves (plain-text draft)', async () => {
    const text = readFileSync(KURSK, 'utf8');
    await client.open(fileUri(KURSK), text, 'plaintext');
    const ds = await client.pull(fileUri(KURSK));
    const d = find(ds, 'Nearly 3,000 North Korean soldiers', text);
    assert.match(d.message, /2 of 5 sources contradict, 1 supports; the sources disagree among themselves/);
  });

  it('answers a pull with the text as it is after the latest change, and "unchanged" for the same result', async () => {
    const uri = 'untitled:pull-now.md';
    await client.open(uri, 'Some 20,000 people attended.\n');
    const first = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');
    await client.change(uri, 2, [{ text: 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n' }]);
    const ds = await client.pull(uri);
    assert.equal(ds.length, 1);
    assert.equal(ds[0]?.code, 'figure-contradicted');
  });

  it('answers workspace/diagnostic with every open draft', async () => {
    const r = await client.request<{ items: { uri: string; version: number | null; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const uris = r.items.map((i) => i.uri);
    assert.ok(uris.includes(fileUri(DRAFT)) && uris.includes(fileUri(KURSK)));
    assert.ok((r.items.find((i) => i.uri === fileUri(DRAFT))?.items.length ?? 0) > 3);
  });

  it('does not check documents of other languages', async () => {
    const uri = 'untitled:code.ts';
    await client.open(uri, 'const roughly = "15,000 North Korean soldiers";\n', 'typescript');
    assert.deepEqual(await client.pull(uri), []);
  });
});

describe('related information with many contradicting sources', () => {
  // Eight more sources that each give another figure: thirteen contradict in all.
  const ws = serverOverTempWorkspace(
    Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`sources/extra-${i}.txt`, `About ${20 + i},000 North Korean soldiers were deployed to the Kursk region.\n`])),
  );

  it('points at the first five contradicting sources, and counts them all in the message', async () => {
    const uri = 'untitled:many.md';
    await ws.client.open(uri, 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n');
    const [d] = await ws.client.pull(uri);
    assert.match(d?.message ?? '', /^Figure contradicted: 13 of 13 sources contradict/);
    assert.deepEqual(
      d?.relatedInformation?.map((r) => path.basename(r.location.uri)),
      ['000_7a34a46a7e895115.txt', '001_9c106f335af77c77.txt', '002_5af7364d9b0e9847.txt', '003_4522e3bf6693631c.txt', '004_0c89b39f0ca6556f.txt'],
    );
  });
});

describe('push diagnostics (a client that cannot pull)', () => {
  let client: TestClient;
  before(async () => {
    client = await startTestServer({ folders: [EXAMPLES], pull: false, deps: { pushDelayMs: 5 } });
    await client.ready();
  });
  after(() => client.stop());

  it('publishes diagnostics for each version after an edit, and clears them when the draft closes', async () => {
    const uri = 'untitled:push.md';
    const since = client.events.length;
    await client.open(uri, 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n');
    const first = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, since);
    assert.equal(first.diagnostics.length, 1);
    assert.equal(first.diagnostics[0]?.code, 'figure-contradicted');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } }, text: '11,000' }]);
    const second = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, since);
    // Three sources give about 11,000; one still says about 12,000.
    assert.match(second.diagnostics[0]?.message ?? '', /1 of 5 sources contradicts, 3 support/);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === undefined && p.diagnostics.length === 0, since);
  });
});
