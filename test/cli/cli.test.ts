// The built `citecheck` binary, spawned as a user would run it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;

function write(rel: string, content: string | Uint8Array): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) if (!opts.env || !(k in opts.env)) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? tmp, encoding: 'utf8', env, timeout: 60_000, maxBuffer: 256 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bad usage: exit 2, one line on stderr naming the problem, no stack trace. */
function assertUsageError(r: Run, pattern: RegExp): void {
  assert.equal(r.status, 2, `exit ${r.status}, stderr: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('citecheck: warning: '));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^citecheck: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
}

function noStack(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at /m, r.stderr);
  assert.doesNotMatch(r.stderr, /Error:/, r.stderr);
}

const SOURCE_A =
  'Officials said more than 3,000 North Korean soldiers were killed or wounded by December 23, 2024.\n' +
  'A spokesman, John Kirby, said: "They are being used as cannon fodder."\n';
const SOURCE_B = 'About 11,000 North Korean troops were deployed to the Kursk region in October 2024.\n';
const DRAFT =
  '# Draft\n\nRoughly 15,000 North Korean soldiers were deployed to Kursk in October 2024.\n\n' +
  'Kirby said the troops were being used as "cannon fodder".\n\nThe ministry said 987,654 pineapples arrived on March 3, 2031.\n';

before(() => {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed: ${build.stderr}`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-cli-'));
  write('sources/a.txt', SOURCE_A);
  write('sources/more/b.md', `---\ntitle: Deployment\noutlet: Example\n---\n${SOURCE_B}`);
  write('drafts/one.md', DRAFT);
  write('drafts/two.txt', 'On December 23, 2024, more than 3,000 soldiers were killed or wounded.\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('help and version', () => {
  it('prints help and the version, exit 0', () => {
    for (const args of [['--help'], ['-h']]) {
      const r = cli(args);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Usage: citecheck check <draft or folder>\.\.\. --sources/);
    }
    const check = cli(['check', '--help']);
    assert.equal(check.status, 0);
    for (const flag of ['--sources', '--format', '--fail-on', '--config', '--max-file-size', '--jobs', '--no-color', '--quiet']) {
      assert.ok(check.stdout.includes(flag), flag);
    }
    const v = cli(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${VERSION}\n`);
  });
});

describe('bad usage exits 2 with one line and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /no command/],
    ['unknown command', ['chekc'], /unknown command 'chekc'/],
    ['unknown flag', ['check', 'drafts', '--sources', 'sources', '--frobnicate'], /--frobnicate/],
    ['unknown format', ['check', 'drafts', '--sources', 'sources', '--format', 'xml'], /--format must be one of text, json, sarif, github, not 'xml'/],
    ['unknown fail-on', ['check', 'drafts', '--sources', 'sources', '--fail-on', 'always'], /--fail-on must be one of/],
    ['flag without value', ['check', 'drafts', '--sources'], /--sources/],
    ['bad size', ['check', 'drafts', '--sources', 'sources', '--max-file-size', 'lots'], /--max-file-size expects a number/],
    ['no threads', ['check', 'drafts', '--sources', 'sources', '--jobs', '0'], /--jobs expects a whole number from 1 to 64, not '0'/],
    ['threads in words', ['check', 'drafts', '--sources', 'sources', '-j', 'two'], /--jobs expects a whole number from 1 to 64, not 'two'/],
    ['no drafts', ['check', '--sources', 'sources'], /no drafts given/],
    ['no sources', ['check', 'drafts'], /no sources given/],
    ['missing draft', ['check', 'drafts/nope.md', '--sources', 'sources'], /draft not found: drafts\/nope\.md/],
    ['missing sources folder', ['check', 'drafts', '--sources', 'no-such-folder'], /sources not found: no-such-folder/],
    ['missing config', ['check', 'drafts', '--sources', 'sources', '--config', 'nope.json'], /cannot read config file nope\.json \(not found\)/],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, () => assertUsageError(cli(args), pattern));
  }

  it('no sources loaded at all (every file bad)', () => {
    write('allbad/x.txt', Buffer.from([0, 0, 0]));
    write('allbad/y.md', '');
    const r = cli(['check', 'drafts', '--sources', 'allbad']);
    assertUsageError(r, /no sources loaded from allbad/);
    assert.match(r.stderr, /citecheck: warning: allbad\/x\.txt: skipped: binary file/);
  });

  it('a glob that matches nothing', () => {
    assertUsageError(cli(['check', 'drafts', '--sources', 'sources/**/*.nothing']), /no sources loaded/);
  });

  it('a drafts folder with no drafts in it', () => {
    fs.mkdirSync(path.join(tmp, 'nodrafts'), { recursive: true });
    assertUsageError(cli(['check', 'nodrafts', '--sources', 'sources']), /no drafts to check in nodrafts/);
  });

  it('a config file that is not valid JSON, or has a wrong type', () => {
    write('conf/bad.json', '{ "sources": [ }');
    assertUsageError(cli(['check', 'drafts', '--config', 'conf/bad.json']), /conf\/bad\.json is not valid JSON/);
    write('conf/type.json', '{ "sources": "sources" }');
    assertUsageError(cli(['check', 'drafts', '--config', 'conf/type.json']), /"sources" must be a list of strings/);
    write('conf/jobs.json', '{ "sources": ["sources"], "jobs": 1.5 }');
    assertUsageError(cli(['check', 'drafts', '--config', 'conf/jobs.json']), /"jobs" must be a whole number from 1 to 64/);
  });
});

describe('bad input files are skipped with a warning; the rest still load', () => {
  it('sources: binary, not UTF-8, lone surrogates as bytes, empty, too large, unreadable, broken HTML, odd Unicode', () => {
    write('mixed/good.txt', SOURCE_A);
    write('mixed/binary.txt', Buffer.concat([Buffer.from('PNG'), Buffer.from([0, 1, 2, 3])]));
    write('mixed/latin1.md', Buffer.from('Caf\xe9 cr\xe8me, 3,000 soldiers.\n', 'latin1'));
    write('mixed/surrogate.txt', Buffer.from([0x48, 0x69, 0xed, 0xa0, 0xbd, 0x0a]));
    write('mixed/empty.txt', '');
    write('mixed/blank.md', '\n   \n');
    write('mixed/big.html', `<p>${'word '.repeat(400)}</p>`);
    fs.symlinkSync(path.join(tmp, 'mixed', 'nowhere.txt'), path.join(tmp, 'mixed', 'dangling.txt'));
    write('mixed/broken.html', '<p>unclosed <div><script>x');
    write('mixed/unicode.txt', 'Emoji 🇺🇦 👩‍👩‍👧, combining e\u0301 and a\u0308, RTL \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eoverride\u202c, 3,000 soldiers.\n');
    const r = cli(['check', 'drafts/one.md', '--sources', 'mixed', '--format', 'json', '--max-file-size', '1500', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    noStack(r);
    const json = JSON.parse(r.stdout) as { sources: { id: string }[] };
    assert.deepEqual(json.sources.map((s) => s.id), ['broken.html', 'good.txt', 'unicode.txt']);
    const warnings = r.stderr.trimEnd().split('\n');
    const expected: [string, RegExp][] = [
      ['mixed/big.html', /too large/],
      ['mixed/binary.txt', /binary file/],
      ['mixed/blank.md', /empty file/],
      ['mixed/dangling.txt', /unreadable/],
      ['mixed/empty.txt', /empty file/],
      ['mixed/latin1.md', /not valid UTF-8/],
      ['mixed/surrogate.txt', /not valid UTF-8/],
    ];
    assert.equal(warnings.length, expected.length, r.stderr);
    for (const [file, reason] of expected) {
      const line = warnings.find((w) => w.startsWith(`citecheck: warning: ${file}: skipped: `));
      assert.ok(line, `no warning for ${file} in:\n${r.stderr}`);
      assert.match(line, reason);
    }
  });

  it('drafts: a binary or empty draft is a warning, and the good drafts are still checked', () => {
    write('baddrafts/ok.md', DRAFT);
    write('baddrafts/bin.md', Buffer.from([0x23, 0x00, 0x0a]));
    write('baddrafts/empty.txt', '');
    write('baddrafts/odd.txt', 'Said \u05e9\u05dc\u05d5\u05dd, 👩‍👩‍👧 and e\u0301 on March 3, 2031: "words\u0301".\n');
    const r = cli(['check', 'baddrafts', '--sources', 'sources', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    noStack(r);
    const json = JSON.parse(r.stdout) as { drafts: { path: string }[] };
    assert.deepEqual(json.drafts.map((d) => d.path), ['baddrafts/odd.txt', 'baddrafts/ok.md']);
    assert.match(r.stderr, /^citecheck: warning: baddrafts\/bin\.md: skipped: binary file/m);
    assert.match(r.stderr, /^citecheck: warning: baddrafts\/empty\.txt: skipped: empty file/m);
  });

  it('--quiet leaves warnings out', () => {
    const r = cli(['check', 'baddrafts', '--sources', 'sources', '--fail-on', 'none', '--quiet']);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
  });
});

interface JsonClaim {
  kind: string;
  text: string;
  start: number;
  end: number;
  status: string;
  verdicts: { source: string; verdict: string; reason: string; evidence?: { line: number; column: number; wording: string } }[];
}
interface JsonReport {
  sources: { id: string; path: string; title: string | null }[];
  drafts: { path: string; claims: JsonClaim[] }[];
}

/** Every claim has exactly one verdict per loaded source, in source order, and evidence where it must. */
function assertCompleteMatrix(json: JsonReport): void {
  const ids = json.sources.map((s) => s.id);
  for (const d of json.drafts) {
    for (const c of d.claims) {
      assert.deepEqual(c.verdicts.map((v) => v.source), ids, `${d.path}: ${c.text}`);
      assert.ok(['contradicted', 'supported', 'unsupported'].includes(c.status));
      for (const v of c.verdicts) {
        assert.ok(['supports', 'contradicts', 'lacks'].includes(v.verdict));
        assert.equal(typeof v.reason, 'string');
        if (v.verdict !== 'lacks') {
          assert.ok(v.evidence && v.evidence.line >= 1 && v.evidence.column >= 1, `${c.text} vs ${v.source}: evidence`);
        }
      }
      const has = (x: string) => c.verdicts.some((v) => v.verdict === x);
      assert.equal(c.status, has('contradicts') ? 'contradicted' : has('supports') ? 'supported' : 'unsupported');
    }
  }
}

describe('a text of millions of numbers', () => {
  it('is read up to its 50,000th figure, with a warning naming where: the rest of the run goes on', () => {
    const numbers = '1 2 3 4 5 6 7 8 9 10 '.repeat(30_000);
    write('numbers/table.txt', numbers);
    write('numbers/good.txt', SOURCE_B);
    write('numbers-draft.md', `${DRAFT}\n${numbers}\n`);
    const r = cli(['check', 'numbers-draft.md', '--sources', 'numbers', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    noStack(r);
    assert.match(r.stderr, /^citecheck: warning: numbers\/table\.txt: more than 50,000 figures, dates and quotations: read up to line 1, column [\d,]+$/m);
    assert.match(r.stderr, /^citecheck: warning: numbers-draft\.md: more than 50,000 figures, dates and quotations: checked up to line 9, column [\d,]+$/m);
    const json = JSON.parse(r.stdout) as { drafts: { claims: { text: string; status: string }[] }[] };
    const claims = json.drafts[0]!.claims;
    assert.equal(claims.length, 50_000);
    // The draft's own claims before the numbers are all checked.
    assert.equal(claims.find((c) => c.text === 'Roughly 15,000 North Korean soldiers')?.status, 'contradicted');
  });
});

describe('json', () => {
  it('lists sources (id, path, title) and drafts, and every claim has one verdict per source in source order', () => {
    const r = cli(['check', 'drafts', '--sources', 'sources', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(json.sources, [
      { id: 'a.txt', path: 'sources/a.txt', title: null },
      { id: 'more/b.md', path: 'sources/more/b.md', title: 'Deployment', outlet: 'Example' },
    ]);
    assert.deepEqual(json.drafts.map((d) => d.path), ['drafts/one.md', 'drafts/two.txt']);
    const draft = fs.readFileSync(path.join(tmp, 'drafts/one.md'), 'utf8');
    for (const c of json.drafts[0]!.claims) assert.equal(draft.slice(c.start, c.end), c.text);
    assertCompleteMatrix(json);
  });

  it('finds claims in examples/drafts checked against examples/sources (fails until the engine returns claims)', () => {
    const r = cli(['check', 'examples/drafts', '--sources', 'examples/sources', '--format', 'json', '--fail-on', 'none'], { cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assert.equal(json.sources.length, fs.readdirSync(path.join(ROOT, 'examples/sources')).length);
    const claims = json.drafts.flatMap((d) => d.claims);
    assert.ok(claims.length > 0, 'no claims found in examples/drafts');
    assertCompleteMatrix(json);
  });

  it('checks a folder of articles against one another: no article is checked against itself', () => {
    const r = cli(['check', 'examples/sources', '--sources', 'examples/sources', '--format', 'json', '--fail-on', 'none'], { cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assertCompleteMatrix(json);
    assert.equal(json.drafts.length, json.sources.length);
    for (const d of json.drafts) {
      const own = json.sources.find((s) => d.path === s.path);
      assert.ok(own, `${d.path} is not among the sources`);
      const ownId: string = own.id;
      for (const c of d.claims) {
        const mine = c.verdicts.find((v) => v.source === ownId);
        assert.deepEqual(mine, { source: ownId, verdict: 'lacks', reason: 'this source is the draft itself: not checked against itself' });
      }
      // An article's own words are still found in the others that quote them.
      assert.ok(d.claims.some((c) => c.status === 'supported'), `${d.path}: nothing supported by the other articles`);
    }
  });
});

describe('threads', () => {
  it('--jobs 3 writes the report one thread writes, in every format, with the same warnings', () => {
    // Several drafts (what is verified of a source is kept between them), one of them among the sources (not checked
    // against itself), an HTML page (evidence mapped back into the markup) and a source cut at its 50,000th figure.
    const dir = 'threads/sources';
    for (const name of fs.readdirSync(path.join(ROOT, 'examples/sources'))) write(`${dir}/${name}`, fs.readFileSync(path.join(ROOT, 'examples/sources', name)));
    write(`${dir}/page.html`, `<html><head><title>Page</title></head><body><article><p>${SOURCE_A}</p><p>${SOURCE_B}</p></article></body></html>\n`);
    write(`${dir}/z-numbers.txt`, '1 2 3 4 5 6 7 8 9 10 '.repeat(5_200));
    write(`${dir}/kept-draft.md`, DRAFT);
    // Files each thread loads and skips for itself: their warnings come in the files' order, as on one thread.
    write(`${dir}/0-binary.txt`, Buffer.from([0x41, 0, 0x42]));
    write(`${dir}/m-empty.md`, '---\ntitle: Nothing here\n---\n');
    write(`${dir}/zz-no-article.html`, '<html><body><nav>Menu</nav><script>var x = 1;</script></body></html>');
    for (const name of fs.readdirSync(path.join(ROOT, 'examples/drafts'))) write(`threads/drafts/${name}`, fs.readFileSync(path.join(ROOT, 'examples/drafts', name)));
    const args = ['check', 'threads/drafts', `${dir}/kept-draft.md`, '--sources', dir, '--fail-on', 'none'];
    for (const format of ['json', 'sarif', 'text', 'github']) {
      const one = cli([...args, '--format', format, '--jobs', '1']);
      const three = cli([...args, '--format', format, '--jobs', '3']);
      assert.equal(one.status, 0, one.stderr);
      assert.equal(three.status, 0, three.stderr);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.stderr, one.stderr, format);
      if (format === 'text') {
        assert.match(one.stderr, /0-binary\.txt: skipped: binary file[^]*m-empty\.md: skipped[^]*zz-no-article\.html: skipped: no article text/);
        assert.match(one.stderr, /z-numbers\.txt: more than 50,000 figures/);
        assert.match(one.stdout, /contradicted/);
      }
    }
  });

  it('on threads: no sources loaded is still bad usage, and two files with one id keep the first, as on one thread', () => {
    write('allbad2/x.txt', Buffer.from([0, 0, 0]));
    write('allbad2/y.md', '');
    write('allbad2/z.txt', '   \n');
    const r = cli(['check', 'drafts', '--sources', 'allbad2', '--jobs', '2']);
    assertUsageError(r, /no sources loaded from allbad2/);
    assert.match(r.stderr, /allbad2\/x\.txt: skipped: binary file[^]*allbad2\/z\.txt: skipped: empty file/);
    write('twins/a/same.txt', SOURCE_A);
    write('twins/b/same.txt', SOURCE_B);
    write('twins/b/other.txt', SOURCE_B);
    const args = ['check', 'drafts/one.md', '--sources', 'twins/a', '--sources', 'twins/b', '--format', 'json', '--fail-on', 'none'];
    const one = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2']);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(two.stderr, /twins\/b\/same\.txt: skipped: its id same\.txt is already taken by twins\/a\/same\.txt/);
  });

  it('a copy of the CLI without its worker script runs on one thread, with a warning', () => {
    const lone = write('lone/cli.js', fs.readFileSync(CLI));
    const r = spawnSync(process.execPath, [lone, 'check', 'drafts/one.md', '--sources', 'sources', '--jobs', '2', '--format', 'json'], { cwd: tmp, encoding: 'utf8' });
    const one = cli(['check', 'drafts/one.md', '--sources', 'sources', '--jobs', '1', '--format', 'json']);
    assert.equal(r.status, one.status, r.stderr);
    assert.equal(r.stdout, one.stdout);
    assert.match(r.stderr, /^citecheck: warning: the worker script .*lone\/shard-worker\.js is missing: indexing on one thread$/m);
  });
});

describe('evidence positions point into the files on disk', () => {
  it('for HTML (extracted text mapped back into the markup) and Markdown with front matter', () => {
    const html =
      '<!doctype html>\n<html><head><title>Losses</title>\n<script>var a = "3,000 soldiers";</script></head>\n<body><nav>Home | World</nav>\n' +
      '<article>\n  <h1>Losses mount</h1>\n  <p>Officials said more than 3,000 North Korean soldiers were\n     killed or wounded by December 23, 2024.</p>\n</article></body></html>\n';
    write('positions/src/page.html', html);
    const md = `---\ntitle: Front\noutlet: Example\n---\n\n${SOURCE_B}`;
    write('positions/src/front.md', md);
    write('positions/draft.md', 'More than 3,000 North Korean soldiers were killed or wounded.\n\nAbout 11,000 North Korean troops were deployed to Kursk.\n');
    const r = cli(['check', 'positions/draft.md', '--sources', 'positions/src', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(json.sources.map((s) => [s.id, s.title]), [['front.md', 'Front'], ['page.html', 'Losses']]);
    const files: Record<string, string> = { 'front.md': md, 'page.html': html };
    let checked = 0;
    for (const c of json.drafts[0]!.claims) {
      for (const v of c.verdicts) {
        if (!v.evidence) continue;
        const line = files[v.source]!.split('\n')[v.evidence.line - 1] ?? '';
        const at = line.slice(v.evidence.column - 1);
        const firstWord = v.evidence.wording.split(/\s+/)[0]!;
        assert.ok(at.startsWith(firstWord), `${v.source}:${v.evidence.line}:${v.evidence.column} is "${at.slice(0, 30)}", not "${firstWord}"`);
        checked++;
      }
    }
    assert.ok(checked >= 2, `only ${checked} pieces of evidence to check`);
  });
});

describe('exit codes', () => {
  it('0 with --fail-on none, whatever the claims', () => {
    const r = cli(['check', 'drafts', '--sources', 'sources', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    noStack(r);
  });

  it('--fail-on decides from the claims: 1 when one reaches it, 0 otherwise', () => {
    const json = JSON.parse(cli(['check', 'drafts', '--sources', 'sources', '--format', 'json', '--fail-on', 'none']).stdout) as JsonReport;
    const statuses = json.drafts.flatMap((d) => d.claims.map((c) => c.status));
    const contradicted = cli(['check', 'drafts', '--sources', 'sources']);
    assert.equal(contradicted.status, statuses.includes('contradicted') ? 1 : 0);
    const unsupported = cli(['check', 'drafts', '--sources', 'sources', '--fail-on', 'unsupported']);
    assert.equal(unsupported.status, statuses.some((s) => s !== 'supported') ? 1 : 0);
  });

  it('1 with --fail-on unsupported for a draft of claims no source has (fails until the engine returns claims)', () => {
    write('lonely/draft.md', 'The ministry said 987,654 pineapples arrived on March 3, 2031.\n');
    const r = cli(['check', 'lonely/draft.md', '--sources', 'sources', '--fail-on', 'unsupported']);
    assert.equal(r.status, 1, r.stdout + r.stderr);
  });
});

describe('sarif and github output', () => {
  it('writes SARIF that validates against the 2.1.0 schema', () => {
    const r = cli(['check', 'drafts', '--sources', 'sources', '--format', 'sarif', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false });
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { name: string; version: string } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.ok(validate(structuredClone(sarif)), JSON.stringify(validate.errors));
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'citecheck');
    assert.equal(run.tool.driver.version, VERSION);
    for (const res of run.results) assert.match(res.locations[0]!.physicalLocation.artifactLocation.uri, /^drafts\//);
  });

  it('writes only workflow commands and a summary line in github format', () => {
    const r = cli(['check', 'drafts', '--sources', 'sources', '--format', 'github', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^\d+ claims? in 2 drafts: \d+ contradicted, \d+ supported, \d+ unsupported; 2 sources$/);
    for (const l of lines.slice(0, -1)) assert.match(l, /^::(warning|notice) file=drafts\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::\S/);
  });
});

describe('text output', () => {
  it('has no colour when stdout is not a terminal, colour with --color, and NO_COLOR wins over a terminal', () => {
    const plain = cli(['check', 'drafts', '--sources', 'sources', '--fail-on', 'none']);
    assert.equal(plain.status, 0);
    assert.ok(!plain.stdout.includes('\u001b'), 'no escape codes in a pipe');
    assert.match(plain.stdout, /^\d+ claims? in 2 drafts: \d+ contradicted, \d+ supported, \d+ unsupported; 2 sources$/m);
    const forced = cli(['check', 'drafts', '--sources', 'sources', '--fail-on', 'none', '--color']);
    assert.ok(forced.stdout.includes('\u001b['), 'escape codes with --color');
    const off = cli(['check', 'drafts', '--sources', 'sources', '--fail-on', 'none', '--color', '--no-color'], { env: { FORCE_COLOR: '1' } });
    assert.ok(!off.stdout.includes('\u001b'), 'the last of --color/--no-color wins');
  });

  it('shows no progress line when stderr is not a terminal, even for a large corpus', () => {
    for (let i = 0; i < 250; i++) write(`large/s${String(i).padStart(3, '0')}.txt`, `Source ${i} says ${i} soldiers arrived.\n`);
    const r = cli(['check', 'drafts', '--sources', 'large', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /; 250 sources\n$/);
  });
});

describe('configuration', () => {
  it('reads .citecheck.json from the working directory; command-line flags win', () => {
    write('proj/.citecheck.json', JSON.stringify({ sources: ['src'], ignore: ['src/skip/**', 'docs/old.md'], maxFileSize: 50, languages: ['markdown'], colour: true }));
    write('proj/src/a.txt', 'Short source.\n');
    write('proj/src/skip/b.txt', 'Ignored source.\n');
    write('proj/src/long.txt', `${'A long source. '.repeat(10)}\n`);
    write('proj/docs/new.md', '# New\n');
    write('proj/docs/old.md', '# Old\n');
    write('proj/docs/notes.txt', 'Plain text draft.\n');
    const cwd = path.join(tmp, 'proj');
    const r = cli(['check', 'docs', '--format', 'json', '--fail-on', 'none'], { cwd });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(json.sources.map((s) => s.id), ['a.txt']);
    assert.deepEqual(json.drafts.map((d) => d.path), ['docs/new.md']);
    assert.match(r.stderr, /citecheck: warning: \.citecheck\.json: unknown setting "colour" ignored/);
    assert.match(r.stderr, /citecheck: warning: src\/long\.txt: skipped: too large/);
    // Flags win: other sources, a bigger size limit.
    write('proj/other/c.txt', 'Other source.\n');
    const flags = cli(['check', 'docs', '--sources', 'other', '--sources', 'src', '--max-file-size', '1M', '--format', 'json', '--fail-on', 'none'], { cwd });
    assert.equal(flags.status, 0, flags.stderr);
    assert.deepEqual((JSON.parse(flags.stdout) as JsonReport).sources.map((s) => s.id), ['c.txt', 'a.txt', 'long.txt']);
  });

  it('takes sources as glob patterns', () => {
    const r = cli(['check', 'drafts', '--sources', 'sources/**/*.md', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as JsonReport).sources.map((s) => s.id), ['more/b.md']);
  });
});

describe('stdout closed early', () => {
  it('ends quietly, without an EPIPE trace, when the reader goes away (| head)', async () => {
    // Enough output to overflow a pipe buffer many times: 2,000 sources listed in the JSON.
    const long = 'x'.repeat(120);
    for (let i = 0; i < 2000; i++) write(`pipe/${long}-${String(i).padStart(4, '0')}.txt`, `Source ${i}.\n`);
    const child = spawn(process.execPath, [CLI, 'check', 'drafts', '--sources', 'pipe', '--format', 'json', '--fail-on', 'none'], {
      cwd: tmp,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

describe('Node API', () => {
  it("require('citecheck') resolves through package.json exports to the built API", () => {
    const r = spawnSync(
      process.execPath,
      ['-e', "const c = require('citecheck'); console.log(require.resolve('citecheck'), typeof c.check, typeof c.buildCorpus, typeof c.checkDraft, c.MAX_MENTIONS)"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `${path.join(ROOT, 'server/out/index.js')} function function function 50000`);
  });

  it('check() validates its input with TypeErrors and returns the claims array', async () => {
    const api = require(path.join(ROOT, 'server/out/index.js')) as typeof import('../../server/src/index');
    const bad: [unknown, RegExp][] = [
      [undefined, /expected an options object/],
      [{ sources: [] }, /"draft" must be a string/],
      [{ draft: 'x' }, /"sources" must be an array/],
      [{ draft: 'x', sources: [{ id: 'a' }] }, /sources\[0\]\.text must be a string/],
      [{ draft: 'x', sources: [{ id: '', text: 't' }] }, /sources\[0\]\.id must be a non-empty string, got an empty string/],
      [{ draft: 'x', sources: [{ id: 'a', text: 't' }, { id: 'a', text: 'u' }] }, /sources\[1\]\.id "a" is used by another source/],
      [{ draft: 'x', sources: [], language: 'html' }, /"language" must be 'markdown' or 'plaintext'/],
      [{ draft: 'x', sources: [], jobs: 0 }, /"jobs" must be a whole number of at least 1, got 0/],
      [{ draft: 'x', sources: [], jobs: '2' }, /"jobs" must be a whole number of at least 1, got a string/],
    ];
    for (const [input, message] of bad) {
      await assert.rejects(api.check(input as Parameters<typeof api.check>[0]), (err: Error) => err instanceof TypeError && message.test(err.message));
    }
    const claims = await api.check({ draft: DRAFT, sources: [{ id: 'a.txt', text: SOURCE_A }, { id: 'b.txt', text: SOURCE_B, title: 'B' }], language: 'markdown' });
    assert.ok(Array.isArray(claims));
    for (const c of claims) {
      assert.equal(DRAFT.slice(c.start, c.end), c.text);
      assert.deepEqual(c.verdicts.map((v) => v.source), ['a.txt', 'b.txt']);
    }
    // On threads (the bundled worker beside index.js): the same claims, every verdict included.
    const threaded = await api.check({ draft: DRAFT, sources: [{ id: 'a.txt', text: SOURCE_A }, { id: 'b.txt', text: SOURCE_B, title: 'B' }], language: 'markdown', jobs: 2 });
    const printed = (cs: typeof claims): string => JSON.stringify(cs.map((c) => ({ ...c, verdicts: c.verdicts })));
    assert.equal(printed(threaded), printed(claims));
  });
});
