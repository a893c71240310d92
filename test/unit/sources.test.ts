import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDrafts, loadSources, NotFoundError, decodeText, extractHtml, readFrontMatter } from '../../server/src/sources';
import { HtmlTooDeepError, MAX_HTML_DEPTH } from '../../server/src/sources/html';
import { collectGarbage } from '../../server/src/collect-garbage';

let dir: string;
function write(rel: string, content: string | Uint8Array): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}
/** 1-based line and column of the first `needle` in `text`. */
function lineCol(text: string, needle: string) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i).split(/\r\n|\n|\r/);
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-sources-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Markdown sources', () => {
  const md = '---\ntitle: "Troops: the toll"\noutlet: Example News\ndate: 2024-12-23\nurl: https://example.com/a\n---\n\n# Heading\n\nMore than 3,000 soldiers were wounded.\n';

  it('reads title, outlet, date and url from the front matter', async () => {
    write('md1/a.md', md);
    const { sources, warnings } = await loadSources([path.join(dir, 'md1')], { cwd: dir });
    assert.deepEqual(warnings, []);
    assert.equal(sources.length, 1);
    const s = sources[0]!;
    assert.equal(s.id, 'a.md');
    assert.equal(s.title, 'Troops: the toll');
    assert.equal(s.outlet, 'Example News');
    assert.equal(s.date, '2024-12-23');
    assert.equal(s.url, 'https://example.com/a');
    assert.equal(s.path, 'md1/a.md');
  });

  it('leaves the front matter out of the text but keeps every offset, line and column of the body', async () => {
    const r = readFrontMatter(md);
    assert.equal(r.text.length, md.length);
    assert.ok(!r.text.includes('Example News'));
    assert.ok(!r.text.includes('---'));
    const i = md.indexOf('3,000');
    assert.equal(r.text.indexOf('3,000'), i);
    assert.equal(r.text.split('\n').length, md.split('\n').length);
    const { sources } = await loadSources([path.join(dir, 'md1', 'a.md')], { cwd: dir });
    assert.deepEqual(sources[0]!.locate(i), lineCol(md, '3,000'));
  });

  it('loads a file without front matter unchanged, and warns (but loads) on broken YAML', async () => {
    assert.equal(readFrontMatter('Just text.\n').text, 'Just text.\n');
    const bad = readFrontMatter('---\ntitle: [unclosed\n---\nBody.\n');
    assert.ok(bad.problem?.includes('YAML'));
    assert.equal(bad.text.indexOf('Body.'), '---\ntitle: [unclosed\n---\n'.length);
  });

  it('skips a Markdown file that is only front matter, with a reason', async () => {
    write('md2/only.md', '---\ntitle: Nothing\n---\n\n');
    write('md2/ok.md', 'Some text.\n');
    const { sources, warnings } = await loadSources([path.join(dir, 'md2')], { cwd: dir });
    assert.deepEqual(sources.map((s) => s.id), ['ok.md']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /md2\/only\.md: skipped: no article text/);
  });
});

describe('HTML sources', () => {
  const html = [
    '<!doctype html><html><head><title>Page title</title>',
    '<style>p { color: red }</style><script>var tracking = 1;</script></head>',
    '<body><header>Site header</header><nav><a href="/">Home</a> <a href="/world">World</a></nav>',
    '<main><h1>Casualties mount</h1><p>More than 3,000   soldiers &amp; officers were',
    'wounded, officials said.</p><aside>Related: other story</aside>',
    '<p>A second paragraph.<noscript>enable js</noscript></p><form>Subscribe</form></main>',
    '<footer>Copyright</footer></body></html>',
  ].join('\n');

  it('keeps the article text only, paragraph by paragraph, and takes the title from <title>', async () => {
    const a = await extractHtml(html);
    assert.equal(a.title, 'Page title');
    assert.equal(a.text, 'Casualties mount\n\nMore than 3,000 soldiers & officers were wounded, officials said.\n\nA second paragraph.');
    for (const junk of ['Site header', 'Home', 'World', 'color', 'tracking', 'Related', 'enable js', 'Subscribe', 'Copyright', 'Page title']) {
      assert.ok(!a.text.includes(junk), junk);
    }
  });

  it('prefers og:title and <article> over the rest of the page', async () => {
    const a = await extractHtml(
      '<html><head><meta property="og:title" content="The OG title"><title>Site | Page</title></head><body><div>Teaser text.</div><article><p>Body text.</p></article><div>More teasers.</div></body></html>',
    );
    assert.equal(a.title, 'The OG title');
    assert.equal(a.text, 'Body text.');
  });

  it('maps every word of the text back to where it stands in the HTML file', async () => {
    write('html1/page.html', html);
    const { sources, warnings } = await loadSources([path.join(dir, 'html1')], { cwd: dir });
    assert.deepEqual(warnings, []);
    const s = sources[0]!;
    assert.equal(s.id, 'page.html');
    assert.equal(s.title, 'Page title');
    assert.equal(s.remapped, true);
    for (const word of ['3,000', 'soldiers', 'wounded', 'officials', 'second']) {
      assert.deepEqual(s.locate(s.text.indexOf(word)), lineCol(html, word), word);
    }
    // The decoded entity points at the entity in the markup.
    assert.deepEqual(s.locate(s.text.indexOf('&')), lineCol(html, '&amp;'));
  });

  it('survives broken markup and still finds the text', async () => {
    const a = await extractHtml('<p>unclosed <div><script>x');
    assert.equal(a.text, 'unclosed');
    assert.equal(a.title, null);
    const b = await extractHtml('<<<>>></p></div><b>bold <i>text</b> here');
    assert.ok(b.text.includes('bold text here'), b.text);
  });

  it('skips a page with no article text, with a reason', async () => {
    write('html2/empty.html', '<html><head><title>T</title><script>x()</script></head><body><nav>menu</nav></body></html>');
    write('html2/ok.htm', '<p>Fine.</p>');
    const { sources, warnings } = await loadSources([path.join(dir, 'html2')], { cwd: dir });
    assert.deepEqual(sources.map((s) => s.id), ['ok.htm']);
    assert.match(warnings.join('\n'), /html2\/empty\.html: skipped: no article text/);
  });

  // The parser's stack of open elements costs time in its depth per tag: a page of unclosed tags nested without end
  // would be read in time growing with the square of its length (a 5 MB one for hours).
  it('skips a page nested deeper than MAX_HTML_DEPTH, with a reason, and reads one nested a little less', async () => {
    const nested = (n: number) => `<html><body>${'<div>'.repeat(n)}Some 3,000 troops were sent.${'</div>'.repeat(n)}</body></html>`;
    write('html3/deep.html', nested(MAX_HTML_DEPTH + 1));
    write('html3/unclosed.html', `<html><body>${'<b>More than 3,000 soldiers. '.repeat(MAX_HTML_DEPTH + 10)}</body></html>`);
    write('html3/ok.html', nested(MAX_HTML_DEPTH - 10));
    const { sources, warnings } = await loadSources([path.join(dir, 'html3')], { cwd: dir });
    assert.deepEqual(sources.map((s) => s.id), ['ok.html']);
    assert.equal(sources[0]?.text, 'Some 3,000 troops were sent.');
    assert.deepEqual(warnings, [
      'html3/deep.html: skipped: HTML nested deeper than 5,000 elements (unclosed tags?)',
      'html3/unclosed.html: skipped: HTML nested deeper than 5,000 elements (unclosed tags?)',
    ]);
    await assert.rejects(extractHtml(nested(MAX_HTML_DEPTH + 1)), HtmlTooDeepError);
  });
});

describe('folders, ids and globs', () => {
  before(() => {
    write('tree/top.txt', 'Top.\n');
    write('tree/b/nested.md', 'Nested.\n');
    write('tree/b/c/deeper.html', '<p>Deeper.</p>');
    write('tree/b/notes.pdf', 'not a source type');
    write('tree/node_modules/pkg/readme.md', 'Ignored.\n');
    write('tree/.git/x.txt', 'Ignored.\n');
    write('tree/a.TXT', 'Upper-case extension.\n');
  });

  it('walks folders recursively in path order, with ids relative to the root and / separators', async () => {
    const { sources, warnings } = await loadSources([path.join(dir, 'tree')], { cwd: dir });
    assert.deepEqual(warnings, []);
    assert.deepEqual(sources.map((s) => s.id), ['a.TXT', 'b/c/deeper.html', 'b/nested.md', 'top.txt']);
    assert.deepEqual(sources.map((s) => s.path), ['tree/a.TXT', 'tree/b/c/deeper.html', 'tree/b/nested.md', 'tree/top.txt']);
    assert.deepEqual(sources.map((s) => s.format), ['text', 'html', 'markdown', 'text']);
  });

  it('takes glob patterns, with ids relative to the pattern base', async () => {
    const { sources } = await loadSources(['tree/b/**/*.md', 'tree/*.txt'], { cwd: dir });
    assert.deepEqual(sources.map((s) => s.id), ['nested.md', 'top.txt']);
  });

  it('warns when a glob matches nothing, and throws NotFoundError for a missing folder', async () => {
    const { sources, warnings } = await loadSources(['tree/**/*.nothing'], { cwd: dir });
    assert.equal(sources.length, 0);
    assert.match(warnings.join('\n'), /tree\/\*\*\/\*\.nothing: no matching files/);
    await assert.rejects(loadSources(['no-such-folder'], { cwd: dir }), NotFoundError);
  });

  it('skips ignored files, and loads a file reached twice only once', async () => {
    const { sources } = await loadSources(['tree', 'tree/top.txt'], { cwd: dir, ignore: ['**/*.html', 'tree/a.TXT'] });
    assert.deepEqual(sources.map((s) => s.id), ['b/nested.md', 'top.txt']);
  });

  it('keeps the first of two different files with the same id, and says so', async () => {
    write('twin1/same.txt', 'One.\n');
    write('twin2/same.txt', 'Two.\n');
    const { sources, warnings } = await loadSources(['twin1', 'twin2'], { cwd: dir });
    assert.deepEqual(sources.map((s) => s.path), ['twin1/same.txt']);
    assert.match(warnings.join('\n'), /twin2\/same\.txt: skipped: its id same\.txt is already taken by twin1\/same\.txt/);
  });
});

describe('memory', () => {
  /** Heap bytes still held after `load`, with what it returns kept alive. */
  async function heldBy(load: () => Promise<unknown>): Promise<number> {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept = await load();
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;
    assert.ok(kept !== undefined);
    return held;
  }
  const article = (i: number) => `<p>Article ${i}: more than 3,000 soldiers — officials said — were wounded.</p>`.repeat(10);

  it('keeps the article and title of an HTML source, not the page they were read from', async () => {
    // 100 pages of 200,000 characters of navigation around a short article: held whole, they would be 20 MB at least.
    const nav = `<nav>${'<a href="/section">A section of the site</a> '.repeat(4000)}</nav>`;
    for (let i = 0; i < 100; i++) write(`pages/p${i}.html`, `<html><head><title>The title of page number ${i}</title></head><body>${nav}<article>${article(i)}</article>${nav}</body></html>`);
    const held = await heldBy(() => loadSources([path.join(dir, 'pages')], { cwd: dir }));
    assert.ok(held < 5e6, `100 HTML sources hold ${(held / 1e6).toFixed(1)} MB`);
  });

  it('keeps the text and front matter of a Markdown source once, not the file beside them', async () => {
    // 100 files of 100,000 characters: the texts are 10 MB (one byte a character); each kept twice, 20 MB.
    for (let i = 0; i < 100; i++) write(`notes/n${i}.md`, `---\ntitle: The title of note number ${i}\noutlet: Example News\n---\n${'More than 3,000 soldiers were wounded. '.repeat(2600)}\n`);
    const held = await heldBy(() => loadSources([path.join(dir, 'notes')], { cwd: dir }));
    assert.ok(held < 15e6, `100 Markdown sources of 10 MB hold ${(held / 1e6).toFixed(1)} MB`);
  });
});

describe('bad files', () => {
  it('skips each bad file with a warning naming it and the reason, and loads the rest', async () => {
    write('bad/good.txt', 'A good source.\n');
    write('bad/binary.txt', Buffer.from([0x41, 0x00, 0x42, 0x0a]));
    write('bad/latin1.txt', Buffer.from('Caf\xe9 au lait.\n', 'latin1'));
    write('bad/surrogate.txt', Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x0a])); // a lone surrogate written as bytes
    write('bad/empty.md', '');
    write('bad/blank.txt', ' \n\t\n');
    write('bad/big.txt', 'x'.repeat(2000));
    fs.symlinkSync(path.join(dir, 'bad', 'gone.txt'), path.join(dir, 'bad', 'dangling.txt'));
    write('bad/unicode.txt', 'Emoji 👩‍👩‍👧 and e\u0301 combining, \u05e9\u05dc\u05d5\u05dd RTL, \ufeff zero width.\n');
    const { sources, warnings } = await loadSources(['bad'], { cwd: dir, maxFileSize: 1000 });
    assert.deepEqual(sources.map((s) => s.id), ['good.txt', 'unicode.txt']);
    const expect: [string, RegExp][] = [
      ['bad/big.txt', /too large \(2 KB, over the 1000 bytes limit\)/],
      ['bad/binary.txt', /binary file/],
      ['bad/blank.txt', /empty file \(whitespace only\)/],
      ['bad/dangling.txt', /unreadable/],
      ['bad/empty.md', /empty file/],
      ['bad/latin1.txt', /not valid UTF-8/],
      ['bad/surrogate.txt', /not valid UTF-8/],
    ];
    assert.equal(warnings.length, expect.length, warnings.join('\n'));
    for (const [file, reason] of expect) {
      const w = warnings.find((x) => x.startsWith(`${file}: skipped: `));
      assert.ok(w, `no warning for ${file}: ${warnings.join(' | ')}`);
      assert.match(w, reason);
      assert.ok(!w.includes('\n'));
    }
  });

  // A FIFO opened for reading waits for a writer: the reader must refuse it at once, not hang the run.
  it('skips a FIFO with a source extension, in a folder or named directly, with a warning and without waiting', { skip: process.platform === 'win32', timeout: 10_000 }, async () => {
    write('fifo/good.txt', 'A good source.\n');
    const fifo = path.join(dir, 'fifo', 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, `mkfifo failed: ${String(made.stderr)}`);
    const started = Date.now();
    const walked = await loadSources(['fifo'], { cwd: dir });
    assert.deepEqual(walked.sources.map((s) => s.id), ['good.txt']);
    assert.deepEqual(walked.warnings, ['fifo/pipe.txt: skipped: unreadable (not a regular file)']);
    const named = await loadSources([fifo], { cwd: dir });
    assert.deepEqual(named.sources, []);
    assert.match(named.warnings.join('\n'), /pipe\.txt: skipped: unreadable \(not a regular file\)/);
    const draft = await loadDrafts([fifo], { cwd: dir });
    assert.deepEqual(draft.drafts, []);
    assert.match(draft.warnings.join('\n'), /pipe\.txt: skipped: unreadable \(not a regular file\)/);
    assert.ok(Date.now() - started < 5000);
  });

  it('decodes odd but valid Unicode as is, and drops a byte order mark', () => {
    const text = 'Emoji 👩‍👩‍👧, e\u0301, \u05e9\u05dc\u05d5\u05dd.';
    assert.deepEqual(decodeText(new TextEncoder().encode(text)), { ok: true, text });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69])), { ok: true, text: 'Hi' });
  });
});

describe('drafts', () => {
  it('reads .md, .markdown and .txt from folders with their language, and warns on bad drafts', async () => {
    write('drafts/a.md', '# Draft\n');
    write('drafts/sub/b.markdown', 'B\n');
    write('drafts/sub/c.txt', 'C\n');
    write('drafts/sub/d.html', '<p>not a draft type</p>');
    write('drafts/bin.md', Buffer.from([0, 1, 2]));
    write('drafts/empty.txt', '');
    const { drafts, warnings } = await loadDrafts(['drafts'], { cwd: dir });
    assert.deepEqual(
      drafts.map((d) => [d.path, d.language]),
      [
        ['drafts/a.md', 'markdown'],
        ['drafts/sub/b.markdown', 'markdown'],
        ['drafts/sub/c.txt', 'plaintext'],
      ],
    );
    assert.equal(warnings.length, 2);
    assert.match(warnings.join('\n'), /drafts\/bin\.md: skipped: binary file/);
    assert.match(warnings.join('\n'), /drafts\/empty\.txt: skipped: empty file/);
  });

  it('keeps a draft file named directly, limits to configured languages, and rejects a missing path', async () => {
    const direct = await loadDrafts(['drafts/sub/d.html', 'drafts/a.md'], { cwd: dir });
    assert.deepEqual(direct.drafts.map((d) => [d.path, d.language]), [['drafts/sub/d.html', 'plaintext'], ['drafts/a.md', 'markdown']]);
    const md = await loadDrafts(['drafts'], { cwd: dir, languages: ['markdown'] });
    assert.deepEqual(md.drafts.map((d) => d.path), ['drafts/a.md', 'drafts/sub/b.markdown']);
    await assert.rejects(loadDrafts(['drafts/missing.md'], { cwd: dir }), NotFoundError);
  });
});
