// Hover on a claim: the table of sources, linked at the evidence line, and source text that cannot inject
// Markdown, HTML or command links.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { EXAMPLE_DRAFT, EXAMPLES, fileUri, positionOf, serverOverTempWorkspace, serverWithExampleDraft, type TestClient } from './harness';
import { around, escapeMarkdown } from '../../server/src/lsp/markdown';

const DRAFT = EXAMPLE_DRAFT;
const draftText = readFileSync(DRAFT, 'utf8');

async function hoverAt(client: TestClient, uri: string, text: string, needle: string): Promise<string> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) });
  assert.ok(h, `no hover on "${needle}"`);
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await serverWithExampleDraft());
  });
  after(() => client.stop());

  it('lists every source with its verdict, wording and reason, linked to the file at the evidence line', async () => {
    const md = await hoverAt(client, fileUri(DRAFT), draftText, 'Roughly 15,000');
    assert.match(md, /^\*\*Figure contradicted\*\* · 5 of 5 sources contradict/);
    const rows = md.split('\n').filter((l) => l.startsWith('| ['));
    assert.equal(rows.length, 5);
    const src = fileUri(path.join(EXAMPLES, 'sources', '000_7a34a46a7e895115.txt'));
    const row = rows.find((r) => r.includes(`(<${src}#L4>)`));
    assert.ok(row, md);
    assert.match(row, /✗ contradicts/);
    assert.match(row, /\*\*approximately 11,000 soldiers\*\*/);
  });

  it('lists sources that lack a claim too, when there are few sources', async () => {
    const md = await hoverAt(client, fileUri(DRAFT), draftText, '78 missiles');
    assert.match(md, /Figure supported/);
    assert.equal(md.split('\n').filter((l) => l.includes('– lacks')).length, 4);
    assert.equal(md.split('\n').filter((l) => l.includes('✓ supports')).length, 1);
  });

  it('has no hover away from claims', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: fileUri(DRAFT) }, position: positionOf(draftText, 'North Korea\'s losses mount') });
    assert.equal(h, null);
  });
});

describe('hover over many sources', () => {
  // With the five examples, 30 sources: 12 more that give another figure (17 contradict), 13 that give the draft's.
  const ws = serverOverTempWorkspace({
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`sources/other-${String(i).padStart(2, '0')}.txt`, `About ${20 + i},000 North Korean soldiers were deployed to the Kursk region.\n`])),
    ...Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`sources/same-${String(i).padStart(2, '0')}.txt`, `Roughly 15,000 North Korean soldiers were deployed to the Kursk region, officials said.\n`])),
  });

  it('lists at most ten sources of each verdict and counts the rest', async () => {
    const uri = 'untitled:many.md';
    const text = 'Roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n';
    await ws.client.open(uri, text);
    const md = await hoverAt(ws.client, uri, text, 'Roughly 15,000');
    assert.match(md, /^\*\*Figure contradicted\*\* · 17 of 30 sources contradict, 13 support/);
    const lines = md.split('\n');
    assert.equal(lines.filter((l) => l.includes('✗ contradicts')).length, 10);
    assert.equal(lines.filter((l) => l.includes('✓ supports')).length, 10);
    assert.equal(lines.at(-1), '7 more sources contradict it; 3 more sources support it.');
  });
});

describe('hover on a malicious source', () => {
  const evil =
    'Officials said <img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new) **bold** `code` ' +
    '| cell | \\ <script>x</script> &lt; https://evil.example/x\nabout 40,000 refugees crossed the border in March. ' +
    '[link](javascript:alert(1)) ![img](http://evil/x.png) <!-- c --> _i_ ~s~ # h';
  const ws = serverOverTempWorkspace({ 'sources/evil.md': `---\ntitle: "[Evil](command:rm) <b>title</b> | x"\n---\n${evil}\n` });

  it('escapes every Markdown and HTML character the source brings, and emits no command link', async () => {
    const text = 'Some 25,000 refugees crossed the border in March, officials said.\n';
    await ws.client.open('untitled:evil.md', text);
    const md = await hoverAt(ws.client, 'untitled:evil.md', text, '25,000');
    const row = md.split('\n').find((l) => l.includes('evil.md'));
    assert.ok(row, md);
    assert.ok(!/command:/.test(md.replace(/command\\:/g, '')), 'an unescaped command: link');
    assert.ok(!/(?<!\\)<(img|script|b|!--)/i.test(md), 'raw HTML');
    assert.ok(!/\]\((?!<file:)/.test(md), 'a link that is not ours');
    // The title is escaped inside the link text.
    assert.ok(row.includes('\\[Evil\\]\\(command\\:rm\\) \\<b\\>title\\</b\\> \\| x'), row);
    // Cells: | only ever as a cell separator, never unescaped inside one.
    const cells = row.replace(/\\\|/g, '').split('|');
    assert.equal(cells.length, 6, row);
  });

  it('escapes every character that can start Markdown or HTML, and turns line breaks into spaces', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e]f<g>h\\i|j\nk&l'), 'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\\\i\\|j k\\&l');
    assert.equal(escapeMarkdown('see https://x.org, 11,000'), 'see https\\://x\\.org, 11,000');
  });
});

describe('shortening source sentences', () => {
  it('never splits an emoji when it cuts a long sentence around the wording', () => {
    const text = '🙂'.repeat(100) + 'WORD' + '🙂'.repeat(100);
    for (const max of [20, 21, 22, 23]) {
      const p = around(text, 200, 204, max);
      assert.equal(p.middle, 'WORD');
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p.before + p.after), `a lone surrogate at ${max}`);
    }
  });
});
