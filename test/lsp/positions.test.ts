// Positions are UTF-16 code units on lines ended by \n, \r\n or \r, as LSP counts them: emoji (two code units),
// combining marks and CRLF must not shift a diagnostic, also after incremental edits.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { exampleServer, positionOf, type TestClient } from './harness';

const CLAIM = 'Roughly 15,000 North Korean soldiers';

function textAt(text: string, d: Diagnostic): string {
  const lines = text.split(/\r\n|\n|\r/);
  assert.equal(d.range.start.line, d.range.end.line);
  return (lines[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character);
}

describe('positions', () => {
  let client: TestClient;
  before(async () => {
    client = await exampleServer();
  });
  after(() => client.stop());

  const cases: [string, string][] = [
    ['emoji before the claim', `🇺🇦🙂 Kursk, the front 👩‍👩‍👧.\n\n😀 ${CLAIM} were deployed to the Kursk region.\n`],
    ['combining marks before the claim', `Zelenskÿ and Ге́ннадий spoke (e\u0301, a\u0308).\n${CLAIM} were deployed to the Kursk region.\n`],
    ['CRLF line endings', `# Kursk\r\n\r\nNotes 🙂.\r\n${CLAIM} were deployed to the Kursk region.\r\n`],
    ['old Mac CR line endings', `Kursk\rNotes.\r${CLAIM} were deployed to the Kursk region.\r`],
  ];
  for (const [name, text] of cases) {
    it(`puts the diagnostic on the claim with ${name}`, async () => {
      const uri = `untitled:${name.replace(/\W+/g, '-')}.md`;
      await client.open(uri, text);
      const ds = await client.pull(uri);
      assert.equal(ds.length, 1, JSON.stringify(ds));
      assert.equal(textAt(text, ds[0] as Diagnostic), CLAIM);
      assert.deepEqual(ds[0]?.range.start, positionOf(text, CLAIM));
    });
  }

  it('follows incremental edits that insert emoji and CRLF line breaks before the claim', async () => {
    let text = `Intro.\r\n${CLAIM} were deployed to the Kursk region.\r\n`;
    const uri = 'untitled:incremental.md';
    await client.open(uri, text);
    // Type an emoji and a combining mark at the start of the claim's line, then a new CRLF line above it.
    const edits = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '🙂 ' },
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: 'e\u0301 ' },
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: '\r\nMore 👩‍👩‍👧.' },
    ];
    let version = 1;
    for (const e of edits) {
      await client.change(uri, ++version, [e]);
      const lines = text.split('\r\n');
      const line = lines[e.range.start.line] as string;
      lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.text + line.slice(e.range.end.character);
      text = lines.join('\r\n');
      const ds = await client.pull(uri);
      assert.equal(ds.length, 1);
      assert.equal(textAt(text, ds[0] as Diagnostic), CLAIM);
    }
    assert.equal(text, `Intro.\r\nMore 👩‍👩‍👧.\r\n🙂 e\u0301 ${CLAIM} were deployed to the Kursk region.\r\n`);
  });
});
