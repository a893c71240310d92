// The client's pure parts, outside VS Code: status bar words, watcher patterns, the report page's escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { statusText } from '../../client/src/statusText';
import { sourcePatterns, toWatchPattern } from '../../client/src/sourcePatterns';
import { renderReportHtml, summaryLine } from '../../client/src/report/reportHtml';
import type { ReportResult } from '../../server/src/lsp/protocol';
import type { Claim } from '../../server/src/core/types';

test('status bar: indexing progress and claim counts, with thousands separators', () => {
  assert.equal(statusText({ state: 'indexing', indexed: 1234, total: 2000, claims: 0, contradicted: 0 }), '$(sync~spin) Citecheck: Indexing 1,234/2,000');
  assert.equal(statusText({ state: 'ready', indexed: 5, total: 5, claims: 23, contradicted: 2 }), 'Citecheck: 23 claims · 2 contradicted');
  assert.equal(statusText({ state: 'ready', indexed: 5, total: 5, claims: 1, contradicted: 0 }), 'Citecheck: 1 claim · 0 contradicted');
});

test('watch patterns: the literal head of a glob becomes the base, a bare name watches the file or folder', () => {
  const f = path.resolve('/ws');
  assert.deepEqual(toWatchPattern(f, 'sources/**'), { base: path.join(f, 'sources'), glob: '**' });
  assert.deepEqual(toWatchPattern(f, './a/b/*.md'), { base: path.join(f, 'a', 'b'), glob: '*.md' });
  assert.deepEqual(toWatchPattern(f, '../shared/**/*.txt'), { base: path.resolve(f, '..', 'shared'), glob: '**/*.txt' });
  assert.deepEqual(toWatchPattern(f, 'articles'), { base: f, glob: '{articles,articles/**}' });
  assert.deepEqual(toWatchPattern(f, '.'), { base: f, glob: '**' });
});

test('watch patterns add the sources of .citecheck.json; a broken one is reported and adds nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citecheck-client-'));
  writeFileSync(path.join(dir, '.citecheck.json'), JSON.stringify({ sources: ['articles', 'sources'] }));
  const warnings: string[] = [];
  const got = sourcePatterns(dir, ['sources/**'], (m) => warnings.push(m));
  assert.deepEqual(got.map((p) => [path.relative(dir, p.base), p.glob]), [['sources', '**'], ['', '{articles,articles/**}'], ['', '{sources,sources/**}']]);
  assert.equal(warnings.length, 0);
  const broken = path.join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(path.join(broken, '.citecheck.json'), '{ not json');
  assert.equal(sourcePatterns(broken, ['sources/**'], (m) => warnings.push(m)).length, 1);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /not valid JSON/);
});

function claim(over: Partial<Claim>): Claim {
  return {
    kind: 'figure', text: '15,000 soldiers', start: 0, end: 15,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } },
    speaker: null, status: 'contradicted', sourcesDisagree: false, summary: '2 of 2 sources contradict', verdicts: [], ...over,
  };
}

const evil = '<img src=x onerror=alert(1)>"\'&';
const report: ReportResult = {
  sources: [
    { id: 'a.txt', title: evil, uri: 'file:///ws/sources/a.txt' },
    { id: 'b.txt', title: 'Plain title', uri: 'file:///ws/sources/b.txt' },
  ],
  drafts: [
    {
      uri: 'file:///ws/draft.md',
      claims: [
        claim({
          verdicts: [
            { source: 'a.txt', verdict: 'contradicts', reason: `source says ${evil}`, evidence: { text: evil, line: 1, column: 1, wording: `<script>alert(2)</script>`, start: 0, end: 5 } },
            { source: 'b.txt', verdict: 'supports', reason: 'same figure', evidence: { text: 'x', line: 2, column: 3, wording: '15,000', start: 0, end: 6 } },
          ],
        }),
        claim({ kind: 'quote', text: '"<b>bold</b>"', speaker: '<i>Kirby</i>', status: 'unsupported', verdicts: [
          { source: 'a.txt', verdict: 'lacks', reason: 'not found' },
          { source: 'b.txt', verdict: 'lacks', reason: 'not found' },
        ] }),
      ],
    },
  ],
};

test('report page: one row per claim, one column per source, verdict marks', () => {
  const html = renderReportHtml(report, { cspSource: 'vscode-webview://x', nonce: 'N0NCE', label: (u) => u.replace('file:///ws/', '') });
  assert.equal((html.match(/<tr class="s-/g) ?? []).length, 2);
  assert.equal((html.match(/data-source-column=/g) ?? []).length, 2);
  assert.match(html, /class="v-contradicts"[^>]*>.*✗/);
  assert.match(html, /class="v-supports"[^>]*>.*✓/);
  assert.equal((html.match(/class="v-lacks"/g) ?? []).length, 2);
  assert.equal(summaryLine(report), '2 claims: 1 contradicted, 0 supported, 1 unsupported; 1 draft, 2 sources');
});

test('report page: source and draft text is escaped, and only the page\'s own nonce\'d script and style run', () => {
  const html = renderReportHtml(report, { cspSource: 'vscode-webview://x', nonce: 'N0NCE', label: (u) => u });
  assert.ok(!html.includes('<img'), 'no tag from a source title');
  assert.ok(!html.includes('<b>') && !html.includes('<i>'), 'no tag from the draft');
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script: the page\'s own');
  assert.match(html, /<script nonce="N0NCE">/);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
  assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-webview:\/\/x 'nonce-N0NCE'; script-src 'nonce-N0NCE';/);
});

test('report page, compact (more sources than a table shows): the sources of each verdict with counts and links, escaped', () => {
  const compact: ReportResult = {
    compact: true,
    sourceCount: 10000,
    sources: report.sources,
    drafts: [
      {
        uri: 'file:///ws/draft.md',
        claims: [
          {
            ...claim({ summary: '4,000 of 10,000 sources contradict, 1 supports', verdicts: report.drafts[0]!.claims[0]!.verdicts }),
            counts: { supports: 1, contradicts: 4000, lacks: 5999, hinted: 0 },
          },
        ],
      },
    ],
  };
  const html = renderReportHtml(compact, { cspSource: 'vscode-webview://x', nonce: 'N0NCE', label: (u) => u });
  assert.equal((html.match(/data-source-column=/g) ?? []).length, 0, 'no column per source');
  assert.match(html, /<th>Contradicted by<\/th><th>Supported by<\/th>/);
  assert.match(html, /class="v-contradicts"><span class="symbol" aria-label="contradicts">✗<\/span> 4,000<ul><li [^>]*><a href="#" data-draft="0" data-claim="0" data-source="0">/);
  assert.match(html, /and 3,999 more sources/);
  assert.match(html, /class="v-supports"><span class="symbol" aria-label="supports">✓<\/span> 1<ul>/);
  assert.ok(!html.includes('<img') && !html.includes('<script>alert'), 'titles and wordings escaped');
  assert.equal(summaryLine(compact), '1 claim: 1 contradicted, 0 supported, 0 unsupported; 1 draft, 10,000 sources');
});
