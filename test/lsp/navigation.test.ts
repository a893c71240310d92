// Go to definition (the evidence), find references (every source sentence about the claim) and inlay hints.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { InlayHint, Location } from 'vscode-languageserver/node';
import { positionOf, serverWithExampleDraft, type TestClient } from './harness';

let draftText: string;
let uri: string;

describe('navigation and inlay hints', () => {
  let client: TestClient;
  before(async () => {
    ({ client, uri, text: draftText } = await serverWithExampleDraft());
  });
  after(() => client.stop());

  it('goes from a claim to the evidence in each source that supports or contradicts it', async () => {
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(draftText, '15,000') });
    assert.equal(locs.length, 5);
    for (const l of locs) {
      const line = readFileSync(new URL(l.uri), 'utf8').split('\n')[l.range.start.line] ?? '';
      assert.match(line.slice(l.range.start.character, l.range.end.character), /^(approximately|nearly|between) 1[0-2],000/);
    }
  });

  it('finds every source sentence about a claim: evidence and the related sentences of sources that lack it', async () => {
    const at = { textDocument: { uri }, position: positionOf(draftText, 'Some 3,000'), context: { includeDeclaration: true } };
    const defs = await client.request<Location[]>('textDocument/definition', at);
    const refs = await client.request<Location[]>('textDocument/references', at);
    assert.equal(defs.length, 3);
    assert.equal(refs.length, 5);
    for (const d of defs) assert.ok(refs.some((r) => r.uri === d.uri && r.range.start.line === d.range.start.line));
  });

  it('has no definition away from claims', async () => {
    const locs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(locs, null);
  });

  it('puts supports / contradicts / lacks counts after each claim in the range', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.ok(hints.length >= 15);
    const end = positionOf(draftText, ' were deployed to the Kursk region');
    const h = hints.find((x) => x.position.line === end.line && x.position.character === end.character);
    assert.equal(h?.label, '✓0 ✗5 –0');
    const missiles = positionOf(draftText, ' and 106 drones');
    assert.equal(hints.find((x) => x.position.line === missiles.line && x.position.character === missiles.character)?.label, '✓1 ✗0 –4');
    const some = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 33, character: 0 }, end: { line: 34, character: 0 } } });
    assert.ok(some.length < hints.length && some.length > 0);
  });
});
