// npm run eval: precision, recall and F1 per verdict, and macro-F1, on
//  - the project's own labelled fixtures on the seed corpus (test/fixtures/seed-labels.yaml), and
//  - VitaminC dev claims (../shared/eval/vitaminc-dev.jsonl, read in place, never copied).
// A sentence's verdict against a source: contradicts if any of its claims is contradicted by that source,
// supports if any is supported and none contradicted, lacks otherwise.
//
// Flags: --errors (list every wrong label), --only seeds|vitaminc, --json FILE (write the figures).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildCorpus, checkDraft } from '../server/src/core/check';
import type { Claim, SourceInput, Verdict } from '../server/src/core/types';
import { normalizeVitaminC } from './vitaminc-text';

const VERDICTS: Verdict[] = ['supports', 'contradicts', 'lacks'];
const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

interface Row {
  item: string;
  source: string;
  expected: Verdict;
  got: Verdict;
  reason: string;
}

export function sentenceVerdict(claims: readonly Claim[], source: string): { verdict: Verdict; reason: string } {
  let supports: string | null = null;
  for (const c of claims) {
    const v = c.verdicts.find((x) => x.source === source);
    if (!v) continue;
    if (v.verdict === 'contradicts') return { verdict: 'contradicts', reason: `${c.kind} "${c.text}": ${v.reason}` };
    if (v.verdict === 'supports' && supports === null) supports = `${c.kind} "${c.text}": ${v.reason}`;
  }
  if (supports !== null) return { verdict: 'supports', reason: supports };
  return { verdict: 'lacks', reason: claims.length === 0 ? 'no claim found' : claims.map((c) => `${c.kind} "${c.text}"`).join('; ') };
}

interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  per: Record<Verdict, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<Verdict, Record<Verdict, number>>;
}

function score(rows: readonly Row[]): Scores {
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))])) as Scores['confusion'];
  for (const r of rows) confusion[r.expected][r.got]++;
  const per = {} as Scores['per'];
  for (const v of VERDICTS) {
    const tp = confusion[v][v];
    const predicted = VERDICTS.reduce((s, e) => s + confusion[e][v], 0);
    const actual = VERDICTS.reduce((s, g) => s + confusion[v][g], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = actual === 0 ? 0 : tp / actual;
    per[v] = { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), support: actual };
  }
  const correct = rows.filter((r) => r.expected === r.got).length;
  return {
    n: rows.length,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    macroF1: VERDICTS.reduce((s, v) => s + per[v].f1, 0) / VERDICTS.length,
    per,
    confusion,
  };
}

function f(x: number): string {
  return x.toFixed(3);
}

function report(title: string, s: Scores, rows: readonly Row[]): void {
  console.log(`\n${title}: ${s.n} labels`);
  console.log('  verdict       precision  recall  F1     support');
  for (const v of VERDICTS) {
    const p = s.per[v];
    console.log(`  ${v.padEnd(12)}  ${f(p.precision)}      ${f(p.recall)}   ${f(p.f1)}  ${p.support}`);
  }
  console.log(`  macro-F1 ${f(s.macroF1)}   accuracy ${f(s.accuracy)}`);
  console.log('  confusion (rows expected, columns got): ' + VERDICTS.map((e) => `${e}: ${VERDICTS.map((g) => s.confusion[e][g]).join('/')}`).join('  '));
  if (showErrors) {
    for (const r of rows) if (r.expected !== r.got) console.log(`  ✗ ${r.item} vs ${r.source}: expected ${r.expected}, got ${r.got} — ${r.reason}`);
  }
}

interface SeedItem {
  id: string;
  rule: string;
  draft: string;
  expect: Record<string, Verdict>;
}

function evalSeeds(): { scores: Scores; rows: Row[] } {
  const dir = join(root, 'examples', 'sources');
  const files = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  const sources: SourceInput[] = files.map((n) => ({ id: n, text: readFileSync(join(dir, n), 'utf8') }));
  const corpus = buildCorpus(sources);
  const items = parse(readFileSync(join(root, 'test', 'fixtures', 'seed-labels.yaml'), 'utf8')) as SeedItem[];
  const rows: Row[] = [];
  for (const item of items) {
    const claims = checkDraft(item.draft, corpus, { language: 'plaintext' });
    for (const [prefix, expected] of Object.entries(item.expect)) {
      const id = files.find((n) => n.startsWith(prefix));
      if (!id) throw new Error(`no source starts with ${prefix}`);
      const got = sentenceVerdict(claims, id);
      rows.push({ item: `${item.id} [${item.rule}]`, source: prefix, expected, got: got.verdict, reason: got.reason });
    }
  }
  return { scores: score(rows), rows };
}

interface VitaminItem {
  id: string;
  claim: string;
  sources: { id: string; text: string; label: 'SUPPORTS' | 'CONTRADICTS' | 'LACKS' }[];
}

const LABEL: Record<string, Verdict> = { SUPPORTS: 'supports', CONTRADICTS: 'contradicts', LACKS: 'lacks' };

function evalVitaminC(path: string): { scores: Scores; rows: Row[] } {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as VitaminItem;
    const corpus = buildCorpus(item.sources.map((s) => ({ id: s.id, text: normalizeVitaminC(s.text) })));
    const claims = checkDraft(normalizeVitaminC(item.claim), corpus, { language: 'plaintext' });
    for (const s of item.sources) {
      const got = sentenceVerdict(claims, s.id);
      rows.push({ item: `${item.id} «${normalizeVitaminC(item.claim)}» / «${normalizeVitaminC(s.text).slice(0, 160)}»`, source: s.id, expected: LABEL[s.label] as Verdict, got: got.verdict, reason: got.reason });
    }
  }
  return { scores: score(rows), rows };
}

function target(ok: boolean, what: string): string {
  return `${ok ? 'met' : 'NOT met'}: ${what}`;
}

const results: Record<string, unknown> = {};
if (only !== 'vitaminc') {
  const { scores, rows } = evalSeeds();
  report('Own fixtures (test/fixtures/seed-labels.yaml on examples/sources)', scores, rows);
  console.log('  ' + target(scores.macroF1 >= 0.95, `macro-F1 ${f(scores.macroF1)} ≥ 0.95`));
  results.seeds = scores;
}
if (only !== 'seeds') {
  const path = resolve(root, '..', 'shared', 'eval', 'vitaminc-dev.jsonl');
  if (!existsSync(path)) {
    console.log(`\nVitaminC: ${path} not found (it lives in ../shared beside the checkout); skipped`);
  } else {
    const { scores, rows } = evalVitaminC(path);
    report('VitaminC dev (../shared/eval/vitaminc-dev.jsonl; Schuster, Fisch & Barzilay, NAACL 2021)', scores, rows);
    console.log('  ' + target(scores.accuracy >= 0.75, `three-way accuracy ${f(scores.accuracy)} ≥ 0.75`));
    console.log('  ' + target(scores.per.contradicts.precision >= 0.85, `contradiction precision ${f(scores.per.contradicts.precision)} ≥ 0.85`));
    results.vitaminc = scores;
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
