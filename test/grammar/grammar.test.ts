// The injection grammar in syntaxes/, tokenized by the same TextMate engine VS Code uses
// (vscode-textmate with the Oniguruma WASM build), on a plain-text host and a Markdown stand-in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');
const FIGURE = 'constant.numeric.figure.citecheck';
const QUOTE = 'string.quoted.citecheck';
const INJECTION = 'citecheck.injection';

const grammarFiles: Record<string, string> = {
  [INJECTION]: path.join(root, 'syntaxes', 'citecheck.injection.tmLanguage.json'),
  'text.plain': path.join(root, 'syntaxes', 'plaintext.tmLanguage.json'),
  'text.html.markdown': path.join(__dirname, 'markdown-host.tmLanguage.json'),
};

let registry: textmate.Registry;

before(async () => {
  const wasm = readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      return file === undefined ? null : textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    // What package.json's injectTo does in VS Code.
    getInjections: (scopeName) => (scopeName === 'text.plain' || scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
});

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(text: string, host = 'text.plain'): Promise<Token[]> {
  const grammar = await registry.loadGrammar(host);
  assert.ok(grammar, `grammar ${host} loads`);
  const out: Token[] = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

/** The texts of the maximal runs of tokens carrying `scope`. */
async function runs(text: string, scope: string, host?: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = null;
  for (const t of await tokenize(text, host)) {
    if (t.scopes.includes(scope)) current = (current ?? '') + t.text;
    else if (current !== null) {
      out.push(current);
      current = null;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

test('figures: separators, decimals, scale words, percentages and currency', async () => {
  assert.deepEqual(await runs('Roughly 11,000 soldiers and 3.5 billion dollars', FIGURE), ['11,000', '3.5 billion']);
  assert.deepEqual(await runs('It cost $1.2m, then US$2 bn, then £40 million.', FIGURE), ['$1.2m', 'US$2 bn', '£40 million']);
  assert.deepEqual(await runs('Prices rose 40% and 12.5 per cent; 78 missiles, 106 drones', FIGURE), ['40%', '12.5 per cent', '78', '106']);
  assert.deepEqual(await runs('Indexing 1,234/2,000 sources', FIGURE), ['1,234', '2,000']);
  // Groups set apart by a narrow, thin or no-break space are one figure, as the engine reads them; a plain space is not.
  assert.deepEqual(await runs('Some 11\u202f000 troops, 1\u2009250\u2009000 people, 3\u00a0000 soldats', FIGURE), ['11\u202f000', '1\u2009250\u2009000', '3\u00a0000']);
  assert.deepEqual(await runs('Some 1 000 troops', FIGURE), ['1', '000']);
});

test('figures written in words', async () => {
  assert.deepEqual(await runs('Eleven thousand troops, tens of thousands of Russians', FIGURE), ['Eleven thousand', 'tens of thousands']);
});

test('ordinary words, years, dates, times and identifiers are not figures', async () => {
  assert.deepEqual(await runs('The soldiers were deployed to the front last August.', FIGURE), []);
  assert.deepEqual(await runs('In 2024 and by late 1999, on December 23, 2024 and 25 December', FIGURE), []);
  assert.deepEqual(await runs('At 10:30 a.m. the 3rd brigade left nk_kursk_2024_v3000 and build v2.', FIGURE), []);
  // A year-like number with a percent sign or a scale word is a figure after all.
  assert.deepEqual(await runs('up 2000% on 1,999 or 2024 million', FIGURE), ['2000%', '1,999', '2024 million']);
});

test('quotations: straight and curly double quotes, with the figures inside them', async () => {
  assert.deepEqual(await runs('He said "we lost 3,000 men" and “it is over” today.', QUOTE), ['"we lost 3,000 men"', '“it is over”']);
  assert.deepEqual(await runs('He said "we lost 3,000 men".', FIGURE), ['3,000']);
});

test('a quotation ends at its own closing mark, even with more quotation marks later on the line', async () => {
  const line = 'He said "we lost." Then "we won," then "open';
  assert.deepEqual(await runs(line, QUOTE), ['"we lost."', '"we won,"']);
  for (const t of await tokenize(line)) {
    assert.ok(t.scopes.filter((s) => s === QUOTE).length <= 1, `no quotation nested in a quotation at ${JSON.stringify(t.text)}`);
  }
});

test('an unclosed or inch mark quote scopes nothing and does not run on to the next line', async () => {
  assert.deepEqual(await runs('a 5\'11" man said "nothing\nnext line "here" ends', QUOTE), ['"here"']);
});

test('Markdown: figures and quotes in prose, not in comments, code or link targets', async () => {
  const md = [
    'Some 3,000 were "killed or wounded" per [the report](https://x.org/2024/12/25/strike-78-106.html).',
    '<!-- Desk: 4,000 on December 12 -->',
    'See `nk_losses_v3000 1,500` for the id.',
    '```',
    '--id 11000 "quoted"',
    '```',
    'After the fence, 78 missiles.',
  ].join('\n');
  assert.deepEqual(await runs(md, FIGURE, 'text.html.markdown'), ['3,000', '78']);
  assert.deepEqual(await runs(md, QUOTE, 'text.html.markdown'), ['"killed or wounded"']);
});
