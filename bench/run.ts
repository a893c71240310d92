// Speed benchmark (issue 2, section 9): index time, check time and peak memory on seeded corpora of 100,
// 1,000 and 10,000 generated articles (about 5 KB each) and a 5,000-word Markdown draft.
//
//   npm run bench                                   # sizes 100, 1,000, 10,000
//   npm run bench -- --sizes 100,1000 --runs 3      # or BENCH_SIZES=100,1000 BENCH_RUNS=3
//   options: --seed N, --words N (draft length), --budget-s N (time budget per size, default 90)
//
// Each size runs in a fresh child process (bench/measure-one.ts), so peak memory is that size's own.
// Corpora are written once to .cache/bench/<size>/ (git-ignored) and reused while the generator version and
// seed match: index time includes reading the files from disk. Prints medians; writes
// .cache/bench/results.json. Missed targets are reported, never fatal: the exit code is non-zero only when
// the benchmark itself breaks (a child crashes or the engine throws).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, GENERATOR_VERSION, countWords, ensureCorpus, generateDraft } from './generate';
import type { SizeResult } from './measure-one';

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, '.cache', 'bench');

const TARGETS = { size: 10_000, indexMs: 3000, checkMs: 300, peakMB: 600 };
/** Index time may grow at most this fast with corpus size (exponent of a power law) to count as linear. */
const LINEAR_EXPONENT = 1.2;

function option(name: string, env: string, fallback: string): string {
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1] as string;
  return process.env[env] ?? fallback;
}

function positiveInts(s: string, what: string): number[] {
  const xs = s.split(',').map((x) => Number(x.trim().replace(/_/g, '')));
  if (xs.length === 0 || xs.some((x) => !Number.isInteger(x) || x <= 0)) {
    process.stderr.write(`bench: ${what} must be positive integers, got "${s}"\n`);
    process.exit(2);
  }
  return xs;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '-';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function fmtMs(x: number): string {
  return x < 10 ? fmt(x, 2) : x < 100 ? fmt(x, 1) : fmt(x);
}

function table(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(w[i] as number) : c.padStart(w[i] as number))).join('  ');
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function gitCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

interface Summary {
  articles: number;
  textMB: number;
  runs: number;
  indexMs: number;
  floorMs: number;
  readMs: number;
  ratio: number;
  checkMs: number;
  checkWarmMs: number;
  indexUsPerArticle: number;
  claims: number;
  claimsByKind: Record<string, number>;
  claimsByStatus: Record<string, number>;
  retainedHeapMB: number;
  baselineRssMB: number;
  peakRssMB: number;
  raw: { indexMs: number[]; floorMs: number[]; readMs: number[]; checkMs: number[]; checkWarmMs: number[] };
}

function main(): void {
  const sizes = positiveInts(option('sizes', 'BENCH_SIZES', '100,1000,10000'), '--sizes');
  const runsOpt = option('runs', 'BENCH_RUNS', '');
  const runsFor = (n: number): number => (runsOpt ? (positiveInts(runsOpt, '--runs')[0] as number) : n >= 10_000 ? 3 : 5);
  const seed = positiveInts(option('seed', 'BENCH_SEED', String(DEFAULT_SEED)), '--seed')[0] as number;
  const words = positiveInts(option('words', 'BENCH_WORDS', '5000'), '--words')[0] as number;
  const budget = positiveInts(option('budget-s', 'BENCH_BUDGET_S', '90'), '--budget-s')[0] as number;

  mkdirSync(CACHE, { recursive: true });
  const draft = generateDraft(words, seed);
  const draftPath = join(CACHE, `draft-${seed}-${words}.md`);
  writeFileSync(draftPath, draft);
  const cpuList = cpus();
  const env = {
    date: new Date().toISOString(), commit: gitCommit(), node: process.version, platform: `${process.platform} ${process.arch}`,
    cpus: cpuList.length, cpuModel: cpuList[0]?.model ?? null, memoryGB: totalmem() / 1e9, loadavg1: loadavg()[0] ?? null,
  };
  process.stdout.write(`citecheck bench: seed ${seed}, generator v${GENERATOR_VERSION}, draft ${fmt(countWords(draft))} words; ` +
    `${env.cpus} CPUs, load ${fmt(env.loadavg1 ?? NaN, 2)}, Node ${env.node}, commit ${env.commit ?? '?'}\n`);

  const results: Record<number, Summary> = {};
  let broken = false;
  for (const n of sizes) {
    const dir = join(CACHE, String(n));
    const t0 = performance.now();
    const manifest = ensureCorpus(dir, n, seed);
    const genMs = performance.now() - t0;
    if (genMs > 500) process.stderr.write(`  generated ${fmt(n)} articles in ${fmt(genMs / 1000, 1)} s (cached for next time)\n`);
    const runs = runsFor(n);
    process.stderr.write(`size ${fmt(n)}: ${fmt(manifest.bytes / 1e6, 1)} MB, warm-up + ${runs} runs in a fresh process\n`);
    const child = spawnSync(process.execPath,
      ['--import', 'tsx', '--expose-gc', join(__dirname, 'measure-one.ts'), '--dir', dir, '--draft', draftPath,
        '--runs', String(runs), '--budget-s', String(budget), '--label', `size ${fmt(n)}`],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) {
      process.stderr.write(`bench: size ${n}: the measuring process ended (status ${child.status}, signal ${child.signal}) without a result\n`);
      broken = true;
      continue;
    }
    const r = JSON.parse(line.slice('RESULT '.length)) as SizeResult;
    if (r.error) {
      process.stderr.write(`bench: size ${n}: ${r.error}\n`);
      broken = true;
      if (r.runs === 0) continue;
    }
    const indexMs = median(r.indexMs);
    const floorMs = median(r.floorMs);
    results[n] = {
      articles: r.articles, textMB: r.bytes / 1e6, runs: r.runs, indexMs, floorMs, readMs: median(r.readMs), ratio: indexMs / floorMs,
      checkMs: median(r.checkMs), checkWarmMs: median(r.checkWarmMs), indexUsPerArticle: (indexMs * 1000) / r.articles,
      claims: r.claims, claimsByKind: r.claimsByKind, claimsByStatus: r.claimsByStatus, retainedHeapMB: r.retainedHeapMB,
      baselineRssMB: r.baselineRssMB, peakRssMB: r.peakRssMB,
      raw: { indexMs: r.indexMs, floorMs: r.floorMs, readMs: r.readMs, checkMs: r.checkMs, checkWarmMs: r.checkWarmMs },
    };
  }

  const measured = sizes.filter((n) => results[n] !== undefined);
  process.stdout.write('\n' + table(
    ['articles', 'text MB', 'runs', 'index ms', 'floor ms', 'read ms', 'index/floor', 'µs/article', 'check ms', 'warm check ms', 'claims', 'heap MB', 'peak RSS MB'],
    measured.map((n) => {
      const s = results[n] as Summary;
      return [fmt(n), fmt(s.textMB, 1), String(s.runs), fmtMs(s.indexMs), fmtMs(s.floorMs), fmtMs(s.readMs), `${fmt(s.ratio, 2)}x`, fmt(s.indexUsPerArticle, 1),
        fmtMs(s.checkMs), fmtMs(s.checkWarmMs), fmt(s.claims), fmt(s.retainedHeapMB), fmt(s.peakRssMB)];
    }),
  ) + '\n');
  process.stdout.write('medians; index = read files + buildCorpus; floor = read files + splitSentences; read = files only; heap = retained after indexing; ' +
    'MB = 10^6 bytes; peak RSS includes the Node + tsx baseline ' +
    `(${fmt(median(measured.map((n) => (results[n] as Summary).baselineRssMB)))} MB)\n\n`);

  // Targets
  const verdicts: { target: string; met: boolean | null; measured: string }[] = [];
  const big = results[TARGETS.size];
  const at = `at ${fmt(TARGETS.size)} articles`;
  if (big) {
    verdicts.push({ target: `index ${at} <= ${fmt(TARGETS.indexMs / 1000)} s`, met: big.indexMs <= TARGETS.indexMs, measured: `${fmt(big.indexMs / 1000, 2)} s` });
    verdicts.push({ target: `check ${at} <= ${fmt(TARGETS.checkMs)} ms`, met: big.checkMs <= TARGETS.checkMs, measured: `${fmtMs(big.checkMs)} ms` });
    verdicts.push({ target: `peak memory ${at} <= ${fmt(TARGETS.peakMB)} MB`, met: big.peakRssMB <= TARGETS.peakMB, measured: `${fmt(big.peakRssMB)} MB` });
  } else {
    for (const t of ['index', 'check', 'peak memory']) verdicts.push({ target: `${t} ${at}`, met: null, measured: `not measured (add ${TARGETS.size} to --sizes)` });
  }
  // Growth: exponent k of time ~ size^k between consecutive sizes (1 = linear).
  const growth: { from: number; to: number; indexExponent: number; checkExponent: number }[] = [];
  for (let i = 1; i < measured.length; i++) {
    const a = results[measured[i - 1] as number] as Summary;
    const b = results[measured[i] as number] as Summary;
    const k = Math.log(b.articles / a.articles);
    growth.push({ from: a.articles, to: b.articles, indexExponent: Math.log(b.indexMs / a.indexMs) / k, checkExponent: Math.log(b.checkMs / a.checkMs) / k });
  }
  if (measured.length >= 2) {
    const first = results[measured[0] as number] as Summary;
    const last = results[measured[measured.length - 1] as number] as Summary;
    const top = growth[growth.length - 1]!;
    verdicts.push({
      target: `index grows linearly (exponent <= ${LINEAR_EXPONENT} between the largest sizes)`, met: top.indexExponent <= LINEAR_EXPONENT,
      measured: `exponent ${fmt(top.indexExponent, 2)} (${fmt(top.from)} -> ${fmt(top.to)}); µs/article ${measured.map((n) => fmt((results[n] as Summary).indexUsPerArticle, 1)).join(' / ')}`,
    });
    const kCheck = Math.log(last.checkMs / first.checkMs) / Math.log(last.articles / first.articles);
    const trivial = last.checkMs < 1;
    verdicts.push({
      target: 'check grows sub-linearly (exponent < 1 across all sizes)', met: trivial || kCheck < 1,
      measured: `exponent ${fmt(kCheck, 2)} (${fmt(first.articles)} -> ${fmt(last.articles)}); check ms ${measured.map((n) => fmtMs((results[n] as Summary).checkMs)).join(' / ')}` +
        (trivial ? '; under 1 ms at every size, so the exponent is noise' : ''),
    });
  }
  process.stdout.write('targets (2-core machine):\n');
  for (const v of verdicts) process.stdout.write(`  ${v.met === null ? 'n/a    ' : v.met ? 'met    ' : 'NOT met'}  ${v.target}: ${v.measured}\n`);
  const claimsLine = measured.map((n) => {
    const s = results[n] as Summary;
    const parts = Object.entries(s.claimsByStatus).map(([k, c]) => `${c} ${k}`).join(', ');
    return `${fmt(n)}: ${s.claims}${parts ? ` (${parts})` : ''}`;
  }).join('; ');
  process.stdout.write(`claims found in the draft: ${claimsLine}\n`);

  const out = join(CACHE, 'results.json');
  writeFileSync(out, JSON.stringify({
    environment: env, seed, generatorVersion: GENERATOR_VERSION, draftWords: countWords(draft), units: { time: 'ms', memory: 'MB (10^6 bytes)' },
    targets: TARGETS, sizes: results, growth, verdicts,
  }, null, 2) + '\n');
  process.stdout.write(`results written to ${out}\n`);
  if (broken) {
    process.stderr.write('bench: the benchmark did not complete for every size (see above)\n');
    process.exit(1);
  }
}

main();
