// Quick fixes: the source's figure, the quotation as the source has it, the speaker the source credits, the
// ignore comment, and opening the source at the evidence. Edits touch only the claim and keep CRLF line endings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { applyEdits, EXAMPLE_DRAFT, exampleServer, fileUri, positionOf, serverWithExampleDraft, type TestClient } from './harness';

const draftText = readFileSync(EXAMPLE_DRAFT, 'utf8');

async function actionsAt(client: TestClient, uri: string, text: string, needle: string): Promise<{ actions: CodeAction[]; diagnostics: Diagnostic[] }> {
  const diagnostics = await client.pull(uri);
  const at = positionOf(text, needle);
  const range = { start: at, end: at };
  const overlapping = diagnostics.filter((d) => d.range.start.line <= at.line && d.range.end.line >= at.line);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: overlapping } });
  return { actions, diagnostics: overlapping };
}

function applied(text: string, uri: string, action: CodeAction | undefined): string {
  assert.ok(action?.edit?.changes?.[uri], `no edit in ${JSON.stringify(action)}`);
  return applyEdits(text, action.edit.changes[uri]);
}

describe('code actions', () => {
  let client: TestClient;
  const uri = fileUri(EXAMPLE_DRAFT);
  before(async () => {
    ({ client } = await serverWithExampleDraft());
  });
  after(() => client.stop());

  it('offers each distinct figure of the sources, replacing only the figure, with the diagnostic attached', async () => {
    const { actions } = await actionsAt(client, uri, draftText, 'Roughly 15,000');
    const titles = actions.map((a) => a.title);
    for (const t of ['approximately 11,000', 'nearly 11,000', 'approximately 12,000', 'between 10,000 to 12,000']) {
      assert.ok(titles.includes(`Use the source's figure: ${t}`), titles.join('\n'));
    }
    assert.equal(titles.filter((t) => t === "Use the source's figure: approximately 11,000").length, 1);
    const fix = actions.find((a) => a.title === "Use the source's figure: approximately 11,000");
    assert.equal(fix?.kind, 'quickfix');
    assert.equal(fix?.diagnostics?.[0]?.code, 'figure-contradicted');
    const after = applied(draftText, uri, fix);
    assert.equal(after, draftText.replace('Roughly 15,000 North Korean', 'Approximately 11,000 North Korean'));
  });

  it('restores an altered quotation word for word, keeping the line break and punctuation of the draft', async () => {
    const { actions } = await actionsAt(client, uri, draftText, 'us to rescue them');
    const fix = actions.find((a) => /^Restore the quotation as .* has it$/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    assert.equal(applied(draftText, uri, fix), draftText.replace('us to rescue them,"', 'us to capture them,"'));
    assert.equal(fix.diagnostics?.[0]?.code, 'quote-altered');
  });

  it('credits a misattributed quotation to the speaker the sources name', async () => {
    const { actions } = await actionsAt(client, uri, draftText, 'We also have reports');
    const fix = actions.find((a) => a.title === 'Credit the quotation to Kirby');
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    const after = applied(draftText, uri, fix);
    assert.equal(after, draftText.replace('surrendering,"\nZelenskyy said.', 'surrendering,"\nKirby said.'));
  });

  it('ignores a claim with the comment the engine reads, and the claim is gone after the edit', async () => {
    const { actions } = await actionsAt(client, uri, draftText, 'an estimated $2 billion');
    const fix = actions.find((a) => a.title === 'Ignore this claim');
    const after = applied(draftText, uri, fix);
    assert.ok(after.includes('for the troops. <!-- citecheck-ignore -->\n'));
    const u2 = 'untitled:ignored.md';
    await client.open(u2, after);
    const ds = await client.pull(u2);
    assert.ok(!ds.some((d) => d.range.start.line === positionOf(after, 'an estimated $2 billion').line), 'still reported');
    assert.ok(ds.length > 0);
  });

  it('offers to open each contradicting source at the evidence, which the server shows with showDocument', async () => {
    const { actions } = await actionsAt(client, uri, draftText, 'Some 3,000');
    const open = actions.find((a) => a.title.startsWith('Open ') && a.command);
    assert.ok(open?.command, actions.map((a) => a.title).join('\n'));
    const since = client.events.length;
    await client.request('workspace/executeCommand', { command: open.command.command, arguments: open.command.arguments });
    const shown = await client.waitFor<{ uri: string; selection: { start: { line: number } } }>('window/showDocument', () => true, since);
    assert.match(shown.uri, /sources\/00\d_.*\.txt$/);
    assert.equal(typeof shown.selection.start.line, 'number');
  });

  it('has no quick fix for a supported claim', async () => {
    const { actions } = await actionsAt(client, uri, draftText, '78 missiles');
    assert.deepEqual(actions, []);
  });
});

describe('code actions on a CRLF plain-text draft', () => {
  let client: TestClient;
  before(async () => {
    client = await exampleServer();
  });
  after(() => client.stop());

  it('replace the figure and insert the ignore comment without touching the line endings', async () => {
    const text = 'Kursk update.\r\nRoughly 15,000 North Korean soldiers were deployed to the Kursk region.\r\nMore later.\r\n';
    const uri = 'untitled:crlf.txt';
    await client.open(uri, text, 'plaintext');
    const { actions } = await actionsAt(client, uri, text, 'Roughly');
    const figure = applied(text, uri, actions.find((a) => a.title === "Use the source's figure: approximately 11,000"));
    assert.equal(figure, text.replace('Roughly 15,000', 'Approximately 11,000'));
    const ignored = applied(text, uri, actions.find((a) => a.title === 'Ignore this claim'));
    assert.equal(ignored, text.replace('Kursk region.\r\n', 'Kursk region. <!-- citecheck-ignore -->\r\n'));
    // The engine honours the comment in plain text too.
    await client.change(uri, 2, [{ text: ignored }]);
    assert.deepEqual(await client.pull(uri), []);
  });
});
