// The formatters, fed hand-made claims: the engine's output does not have to exist for these to mean something.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Claim, ClaimKind, ClaimStatus, SourceVerdict } from '../../server/src/core/types';
import { formatSarif, keepResults, MAX_RELATED, MAX_SARIF_RESULTS, toSarif } from '../../server/src/cli/format-sarif';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/format-github';
import { formatText, MAX_REASONS } from '../../server/src/cli/format-text';
import { formatJson, jsonChunks, nested, toJson } from '../../server/src/cli/format-json';
import { reportWriter } from '../../server/src/cli/output';
import { buildCorpus, checkDraft } from '../../server/src/core/check';
import { claimsInFiles, reachesFailOn, summaryLine, type Report } from '../../server/src/cli/report';

const require = createRequire(__filename);
const SCHEMA_PATH = 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

function validator() {
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  // The schema's `language` pattern has a stray ']' that is an error only under the 'u' flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The formats the schema uses, checked (not just ignored) so an unescaped path fails validation.
  const uriChars = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', uriChars);
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriChars.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT/.test(s) && !Number.isNaN(Date.parse(s)));
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
}

const SOURCES = ['000_a.txt', 'nested/001_b.md', '002_c.html'];

function v(source: string, verdict: SourceVerdict['verdict'], wording = '', line = 1, column = 1, extra: Partial<SourceVerdict> = {}): SourceVerdict {
  const out: SourceVerdict = { source, verdict, reason: verdict === 'lacks' ? 'source does not mention it' : `source says ${wording}`, ...extra };
  if (verdict !== 'lacks') out.evidence = { text: `A sentence with ${wording}.`, line, column, wording, start: 10, end: 10 + wording.length };
  return out;
}

function claim(kind: ClaimKind, status: ClaimStatus, text: string, line: number, character: number, verdicts: SourceVerdict[], summary: string, speaker: string | null = null): Claim {
  return {
    kind,
    text,
    start: 100,
    end: 100 + text.length,
    range: { start: { line, character }, end: { line, character: character + text.length } },
    speaker,
    status,
    sourcesDisagree: verdicts.some((x) => x.verdict === 'supports') && verdicts.some((x) => x.verdict === 'contradicts'),
    summary,
    verdicts,
  };
}

function report(): Report {
  return {
    sources: [
      { id: SOURCES[0]!, path: `corpus/${SOURCES[0]}`, title: 'A' },
      { id: SOURCES[1]!, path: `corpus/${SOURCES[1]}` },
      { id: SOURCES[2]!, path: `corpus/${SOURCES[2]}`, title: 'C, with: odd % title', locate: (o) => ({ line: 40, column: o + 1 }) },
    ],
    drafts: [
      {
        path: 'drafts/one, two: %.md',
        claims: [
          claim('figure', 'contradicted', 'roughly 15,000 soldiers', 2, 44, [
            v(SOURCES[0]!, 'contradicts', 'approximately 11,000 soldiers', 3, 5),
            v(SOURCES[1]!, 'lacks'),
            v(SOURCES[2]!, 'contradicts', 'about 11,000 troops', 7, 9),
          ], '2 of 3 sources contradict'),
          claim('date', 'supported', 'December 23', 4, 0, [v(SOURCES[0]!, 'supports', 'December 23', 2, 1), v(SOURCES[1]!, 'lacks'), v(SOURCES[2]!, 'lacks')], '1 source supports'),
          claim('quote', 'unsupported', '"we will win"', 6, 3, [v(SOURCES[0]!, 'lacks'), v(SOURCES[1]!, 'lacks'), v(SOURCES[2]!, 'lacks')], 'no source has it', 'Kirby'),
          claim('quote', 'contradicted', '"a daring capture"', 8, 0, [
            v(SOURCES[0]!, 'lacks'),
            v(SOURCES[1]!, 'contradicts', '"a daring rescue"', 5, 2, { diff: [{ draft: 'capture', source: 'rescue' }], reason: 'quotation differs: capture → rescue' }),
            v(SOURCES[2]!, 'lacks'),
          ], '1 source contradicts'),
        ],
      },
      { path: 'drafts/empty.md', claims: [] },
    ],
  };
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with and without results', () => {
    const validate = validator();
    const full = JSON.parse(formatSarif(report(), { rootUri: 'file:///work/project/' }));
    assert.ok(validate(full), JSON.stringify(validate.errors, null, 2));
    // The check has teeth: a path with a space, unescaped, is not a URI reference.
    const broken = JSON.parse(JSON.stringify(full));
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'drafts/one two.md';
    assert.equal(validate(broken), false);
    const empty = toSarif({ sources: report().sources, drafts: [{ path: 'd.md', claims: [] }] });
    assert.ok(validate(empty), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(empty.runs[0]!.results, []);
  });

  it('has one result per finding with rule ids, levels and 1-based regions; supported claims are not results', () => {
    const sarif = toSarif(report());
    const run = sarif.runs[0]!;
    const driver = (run.tool as { driver: { name: string; version: string; informationUri: string; rules: { id: string }[] } }).driver;
    assert.equal(driver.name, 'citecheck');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    const results = run.results as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [
      ['figure-contradicted', 'warning'],
      ['unsupported', 'note'],
      ['quote-altered', 'warning'],
    ]);
    for (const r of results) assert.equal(driver.rules[r.ruleIndex]!.id, r.ruleId);
    const first = results[0]!;
    assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'drafts/one%2C%20two%3A%20%25.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 3, startColumn: 45, endLine: 3, endColumn: 68 });
    assert.match(first.message.text, /^contradicted figure "roughly 15,000 soldiers": 2 of 3 sources contradict, e\.g\. 000_a\.txt: "approximately 11,000 soldiers"/);
    // One related location per contradicting source, at its evidence.
    assert.equal(first.relatedLocations.length, 2);
    assert.deepEqual(first.relatedLocations[0].physicalLocation.artifactLocation.uri, 'corpus/000_a.txt');
    assert.deepEqual(first.relatedLocations[0].physicalLocation.region, { startLine: 3, startColumn: 5 });
    assert.match(first.relatedLocations[0].message.text, /000_a\.txt: source says approximately 11,000 soldiers/);
    // A source that knows where its text lies in the file gives the end of the wording too.
    assert.deepEqual(first.relatedLocations[1].physicalLocation.region, { startLine: 7, startColumn: 9, endLine: 40, endColumn: 10 + 'about 11,000 troops'.length + 1 });
    assert.equal(results[1]!.relatedLocations, undefined);
    assert.ok(results.every((r) => typeof r.partialFingerprints['citecheckClaim/v1'] === 'string'));
    assert.notEqual(results[0]!.partialFingerprints['citecheckClaim/v1'], results[2]!.partialFingerprints['citecheckClaim/v1']);
  });
});

describe('github', () => {
  it('escapes messages and properties as GitHub documents', () => {
    assert.equal(escapeData('100% sure\r\nnext'), '100%25 sure%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
  });

  it('writes a warning per contradiction and a notice per unsupported claim, one line each', () => {
    const lines = formatGithub(report()).trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.equal(
      lines[0]!.slice(0, lines[0]!.indexOf('::', 2) + 2),
      '::warning file=drafts/one%2C two%3A %25.md,line=3,col=45,endLine=3,endColumn=68,title=citecheck figure-contradicted::',
    );
    assert.match(lines[0]!, /contradicted figure "roughly 15,000 soldiers".*%0A000_a\.txt:3:5 source says approximately 11,000 soldiers%0A002_c\.html:7:9 source says about 11,000 troops$/);
    assert.match(lines[1]!, /^::notice file=[^:]+,line=7,col=4,endLine=7,endColumn=17,title=citecheck unsupported::unsupported quote "we will win" \(Kirby\): no source has it$/);
    assert.match(lines[2]!, /^::warning .*title=citecheck quote-altered::/);
    assert.equal(lines[3], summaryLine(report()));
  });
});

describe('text', () => {
  it('prints compiler-style lines, reasons for each contradicting source, and a summary, without colour when asked', () => {
    const out = formatText(report(), { color: false });
    assert.ok(!out.includes('\x1b'));
    const lines = out.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'drafts/one, two: %.md:3:45 contradicted figure "roughly 15,000 soldiers": 2 of 3 sources contradict, e.g. 000_a.txt: "approximately 11,000 soldiers"',
      '    corpus/000_a.txt:3:5 source says approximately 11,000 soldiers',
      '    corpus/002_c.html:7:9 source says about 11,000 troops',
      'drafts/one, two: %.md:5:1 supported date "December 23": 1 source supports',
      'drafts/one, two: %.md:7:4 unsupported quote "we will win" (Kirby): no source has it',
      'drafts/one, two: %.md:9:1 contradicted quote "a daring capture": 1 source contradicts, e.g. nested/001_b.md: ""a daring rescue""',
      '    corpus/nested/001_b.md:5:2 quotation differs: capture → rescue',
      '4 claims in 2 drafts: 2 contradicted, 1 supported, 1 unsupported; 3 sources',
    ]);
  });

  it('lists at most MAX_REASONS contradicting sources under a claim and counts the rest', () => {
    const many = Array.from({ length: MAX_REASONS + 3 }, (_, i) => v(`s${i}.txt`, 'contradicts', `${i} soldiers`, i + 1, 1));
    const r: Report = {
      sources: many.map((x) => ({ id: x.source, path: `src/${x.source}` })),
      drafts: [{ path: 'd.md', claims: [claim('figure', 'contradicted', '15,000 soldiers', 0, 0, many, `${many.length} of ${many.length} sources contradict`)] }],
    };
    const lines = formatText(r, { color: false }).trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('    src/')).length, MAX_REASONS);
    assert.ok(lines.includes('    … and 3 more sources (--format json lists them all)'), lines.join('\n'));
    assert.match(formatGithub(r), /%0A… and 3 more\n/);
  });

  it('colours when asked, and leaves supported claims out when quiet', () => {
    const coloured = formatText(report(), { color: true });
    const ESC = '\u001b';
    assert.ok(coloured.includes(`${ESC}[31mcontradicted${ESC}[39m`));
    assert.equal(coloured.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), ''), formatText(report(), { color: false }));
    const quiet = formatText(report(), { color: false, quiet: true });
    assert.ok(!quiet.includes('supported date'));
    assert.ok(quiet.includes('unsupported quote'));
  });
});

describe('json and report helpers', () => {
  it('follows the contract: sources with id, path and title; drafts with path and the claims as given', () => {
    const r = report();
    const json = JSON.parse(JSON.stringify(toJson(r)));
    assert.deepEqual(json.sources, [
      { id: '000_a.txt', path: 'corpus/000_a.txt', title: 'A' },
      { id: 'nested/001_b.md', path: 'corpus/nested/001_b.md', title: null },
      { id: '002_c.html', path: 'corpus/002_c.html', title: 'C, with: odd % title' },
    ]);
    assert.deepEqual(json.drafts.map((d: { path: string }) => d.path), ['drafts/one, two: %.md', 'drafts/empty.md']);
    assert.deepEqual(json.drafts[0].claims, JSON.parse(JSON.stringify(r.drafts[0]!.claims)));
  });

  it('fails on contradicted by default, on unsupported too when asked, never with none', () => {
    const r = report();
    assert.equal(reachesFailOn(r, 'contradicted'), true);
    assert.equal(reachesFailOn(r, 'none'), false);
    const onlyUnsupported: Report = { ...r, drafts: [{ path: 'x.md', claims: r.drafts[0]!.claims.filter((c) => c.status !== 'contradicted') }] };
    assert.equal(reachesFailOn(onlyUnsupported, 'contradicted'), false);
    assert.equal(reachesFailOn(onlyUnsupported, 'unsupported'), true);
  });

  it('moves evidence of remapped (HTML) sources to where the wording stands in the file, and nothing else', () => {
    const claims = report().drafts[0]!.claims;
    const moved = claimsInFiles(claims, new Map([[SOURCES[2]!, (o: number) => ({ line: 100 + o, column: 7 })]]));
    const e = moved[0]!.verdicts[2]!.evidence!;
    assert.deepEqual([e.line, e.column], [110, 7]);
    assert.deepEqual(moved[0]!.verdicts[0], claims[0]!.verdicts[0]);
    assert.equal(claims[0]!.verdicts[2]!.evidence!.line, 7, 'input left alone');
  });
});

describe('large reports', () => {
  // At 10,000 sources every claim carries 10,000 verdicts: the JSON report (over 600 MB) is longer than a string can be.
  it('json comes in pieces that join to exactly JSON.stringify of the report, whatever its shape', () => {
    const shapes: Report[] = [
      { sources: [], drafts: [] },
      { sources: report().sources, drafts: [] },
      { sources: report().sources, drafts: [{ path: 'empty.md', claims: [] }] },
      report(),
      { ...report(), drafts: [...report().drafts, { path: 'more.md', claims: [] }, ...report().drafts] },
    ];
    for (const r of shapes) {
      const chunks = [...jsonChunks(r)];
      assert.equal(chunks.join(''), JSON.stringify(toJson(r), null, 2) + '\n');
      assert.equal(formatJson(r), chunks.join(''));
    }
  });

  it('json writes a claim whose list runs over several pieces as JSON.stringify does', () => {
    for (const n of [1999, 2000, 2001, 4500]) {
      const many = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? v(`s${i}.txt`, 'supports', 'about 11,000 "soldiers"', i + 1, 1) : { source: `s${i}.txt`, verdict: 'lacks' as const, reason: 'source gives no figure for soldiers\n(none)' }));
      const r: Report = {
        sources: many.map((x) => ({ id: x.source, path: x.source })),
        drafts: [{ path: 'd.md', claims: [claim('figure', 'supported', 'about 11,000 soldiers', 0, 0, many, `${n} sources`)] }],
      };
      assert.equal([...jsonChunks(r)].join(''), JSON.stringify(toJson(r), null, 2) + '\n', `${n} verdicts`);
    }
  });

  it('a value nested levels deep is written as JSON.stringify writes it, its later lines indented to match', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, depth) => {
        assert.equal(nested(value, depth), JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`));
      }),
      { numRuns: 2000 },
    );
  });

  it("json writes the engine's claims, whose per-source lists are made on reading, as a plain stringify would, without keeping the lists", () => {
    const corpus = buildCorpus([
      { id: 'a.txt', text: 'About 11,000 soldiers were deployed. "We will win," Kirby said on Friday.' },
      { id: 'b.txt', text: 'Roughly 15,000 soldiers were deployed.' },
      { id: 'c.txt', text: 'Nothing to see.' },
    ]);
    const claims = checkDraft('Roughly 15,000 soldiers were deployed. "We will win," Kirby said.', corpus);
    const r: Report = { sources: ['a.txt', 'b.txt', 'c.txt'].map((id) => ({ id, path: id })), drafts: [{ path: 'd.md', claims }] };
    const text = [...jsonChunks(r)].join('');
    // Writing them did not fix the lists on the claims: they are still made on reading.
    for (const c of claims) assert.equal(typeof Object.getOwnPropertyDescriptor(c, 'verdicts')?.get, 'function');
    assert.equal(text, JSON.stringify(toJson(r), null, 2) + '\n');
    assert.deepEqual((JSON.parse(text) as { drafts: { claims: { verdicts: unknown[] }[] }[] }).drafts[0]?.claims.map((c) => c.verdicts.length), claims.map(() => 3));
  });

  it(`sarif gives a result at most ${MAX_RELATED} related locations (GitHub rejects a result with over 1,000)`, () => {
    const many = Array.from({ length: 250 }, (_, i) => v(`s${i}.txt`, 'contradicts', 'approximately 11,000 soldiers', i + 1, 1));
    const big: Report = {
      sources: many.map((x) => ({ id: x.source, path: `corpus/${x.source}` })),
      drafts: [{ path: 'd.md', claims: [claim('figure', 'contradicted', 'roughly 15,000 soldiers', 0, 0, many, '250 of 250 sources contradict')] }],
    };
    const results = toSarif(big).runs[0]!.results as { relatedLocations: { id: number; message: { text: string } }[]; message: { text: string } }[];
    assert.equal(results[0]?.relatedLocations.length, MAX_RELATED);
    assert.deepEqual(results[0]?.relatedLocations.map((l) => l.id), Array.from({ length: MAX_RELATED }, (_, i) => i + 1));
    assert.match(results[0]?.message.text ?? '', /250 of 250 sources contradict/);
    assert.equal(validator()(JSON.parse(formatSarif(big))), true);
  });
});

describe('draft by draft', () => {
  // The CLI writes each draft's part as soon as it is checked and lets its claims go: what it writes must be what
  // the whole-report formatters write, in every format.
  it('writes exactly what the whole-report formatters write, for any number of drafts', async () => {
    const r = report();
    const shapes: Report[] = [{ ...r, drafts: [] }, r, { ...r, drafts: [...r.drafts, { path: 'empty.md', claims: [] }, ...r.drafts] }];
    const rootUri = 'file:///work/';
    for (const shape of shapes) {
      for (const format of ['text', 'json', 'sarif', 'github'] as const) {
        const out: string[] = [];
        const writer = reportWriter(format, { write: (x: string) => (out.push(x), true) }, shape.sources, { text: { color: false }, sarif: { rootUri } });
        for (const d of shape.drafts) await writer.draft(d);
        const counts = await writer.end();
        const whole =
          format === 'text' ? formatText(shape, { color: false }) : format === 'json' ? formatJson(shape) : format === 'sarif' ? formatSarif(shape, { rootUri }) : formatGithub(shape);
        assert.equal(out.join(''), whole, `${format}, ${shape.drafts.length} drafts`);
        assert.equal(counts.claims, shape.drafts.reduce((n, d) => n + d.claims.length, 0));
      }
    }
  });
});

describe('a SARIF run within what GitHub accepts', () => {
  it(`keeps at most ${MAX_SARIF_RESULTS.toLocaleString('en-US')} results, contradictions first, in their order, and says so`, async () => {
    const r = (level: string, n: number) => ({ level, ruleId: `r${n}` });
    const mixed = [r('note', 1), r('warning', 2), r('note', 3), r('warning', 4), r('note', 5)];
    assert.deepEqual(keepResults(mixed, 10), mixed);
    assert.deepEqual(keepResults(mixed, 3), [r('note', 1), r('warning', 2), r('warning', 4)]);
    assert.deepEqual(keepResults(mixed, 1), [r('warning', 2)]);
    // Through the writer: a run with more findings than a SARIF run may hold.
    const one = report().drafts[0]!;
    const perDraft = (toSarif({ sources: report().sources, drafts: [one] }).runs[0]!.results as unknown[]).length;
    const drafts = Math.ceil(MAX_SARIF_RESULTS / perDraft) + 1;
    const warnings: string[] = [];
    const out: string[] = [];
    const writer = reportWriter('sarif', { write: (x: string) => (out.push(x), true) }, report().sources, { text: { color: false }, sarif: {}, warn: (m) => warnings.push(m) });
    for (let i = 0; i < drafts; i++) await writer.draft({ ...one, path: `d${i}.md` });
    await writer.end();
    const results = (JSON.parse(out.join('')) as { runs: { results: { level: string }[] }[] }).runs[0]!.results;
    assert.equal(results.length, MAX_SARIF_RESULTS);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^SARIF holds 25,000 of [\d,]+ findings, contradictions first/);
  });
});
