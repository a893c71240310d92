// Speed benchmark (issue 2, section 9): index time, check time and peak memory on seeded corpora of 100,
// 1,000 and 10,000 generated articles (about 5 KB each) and a 5,000-word Markdown draft.
//
//   npm run bench                                   # sizes 100, 1,000, 10,000
//   npm run bench -- --sizes 100,1000 --runs 3      # or BENCH_SIZES=100,1000 BENCH_RUNS=3
//   options: --seed N, --words N (draft length), --budget-s N (time for repeated runs per size, default 60),
//            --timeout-s N (hard limit per size, default 180: the figures so far are kept, the rest shown as "> N")
//   then the CLI end to end at the largest size in each output format (bench/cli-formats.ts, BENCH_CLI_FORMATS=0
//   skips it), then how reading time grows with odd inputs (bench/input-growth.ts: time linear in their length),
//   then the LSP lines (bench/lsp.ts): edits of the draft through the real server, with 2,000 sources for the latency
//   target (BENCH_LSP_SOURCES, 0 skips it) and 10,000 for the memory target, over 300 edits and a reindex so the
//   server's peak is that of a long editing session (BENCH_LSP_MEMORY_SOURCES, 0 skips it)
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
import type { ThreadsResult } from './measure-threads';

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

/** The bench measures the working tree: true when the engine's sources differ from the commit. */
function engineDirty(): boolean | null {
  const r = spawnSync('git', ['status', '--porcelain', '--', 'server/src'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().length > 0 : null;
}

interface Summary extends Pick<SizeResult, 'claims' | 'claimsByKind' | 'claimsByStatus' | 'retainedHeapMB' | 'baselineRssMB' | 'peakRssMB'> {
  /** The peak of the timed runs' process (see SizeResult.peakRssMB); `peakRssMB` is that of a fresh index + check. */
  peakRssRunsMB: number;
  articles: number;
  textMB: number;
  runs: number;
  /** The warm-up overran the time budget: one cold measurement. */
  cold: boolean;
  /** Stopped at the hard time limit: during which phase, and how long that phase had run. */
  stopped: { afterS: number; phase: string; atLeastMs: number } | null;
  /** When stopped before a first index or check finished: it takes at least this long. */
  indexAtLeastMs: number | null;
  checkAtLeastMs: number | null;
  indexMs: number;
  indexCpuMs: number;
  floorMs: number;
  readMs: number;
  ratio: number;
  checkMs: number;
  checkWarmMs: number;
  indexUsPerArticle: number;
  raw: { indexMs: number[]; indexCpuMs: number[]; floorMs: number[]; readMs: number[]; checkMs: number[]; checkWarmMs: number[] };
}

/** Runs a measuring script (node arguments, bench/out/) in a fresh process, stopped after `timeoutS` seconds, and
 * reads the JSON of its "RESULT " line (null when it ended without one). */
function measureResult<T>(args: readonly string[], timeoutS: number): { result: T | null; status: number | null } {
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: timeoutS * 1000, killSignal: 'SIGKILL' });
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  return { result: line ? (JSON.parse(line.slice('RESULT '.length)) as T) : null, status: child.status };
}

function main(): void {
  const sizes = positiveInts(option('sizes', 'BENCH_SIZES', '100,1000,10000'), '--sizes');
  const runsOpt = option('runs', 'BENCH_RUNS', '');
  const runsFor = (n: number): number => (runsOpt ? (positiveInts(runsOpt, '--runs')[0] as number) : n >= 10_000 ? 3 : 5);
  const seed = positiveInts(option('seed', 'BENCH_SEED', String(DEFAULT_SEED)), '--seed')[0] as number;
  const words = positiveInts(option('words', 'BENCH_WORDS', '5000'), '--words')[0] as number;
  const budget = positiveInts(option('budget-s', 'BENCH_BUDGET_S', '60'), '--budget-s')[0] as number;
  const timeoutS = positiveInts(option('timeout-s', 'BENCH_TIMEOUT_S', '180'), '--timeout-s')[0] as number;

  mkdirSync(CACHE, { recursive: true });
  const draft = generateDraft(words, seed);
  const draftPath = join(CACHE, `draft-${seed}-${words}.md`);
  writeFileSync(draftPath, draft);
  const cpuList = cpus();
  const env = {
    date: new Date().toISOString(), commit: gitCommit(), engineDirty: engineDirty(), node: process.version, platform: `${process.platform} ${process.arch}`,
    cpus: cpuList.length, cpuModel: cpuList[0]?.model ?? null, memoryGB: totalmem() / 1e9, loadavg1: loadavg()[0] ?? null,
  };
  process.stdout.write(`citecheck bench: seed ${seed}, generator v${GENERATOR_VERSION}, draft ${fmt(countWords(draft))} words; ` +
    `${env.cpus} CPUs, load ${fmt(env.loadavg1 ?? NaN, 2)}, Node ${env.node}, commit ${env.commit ?? '?'}${env.engineDirty ? ' + uncommitted engine changes' : ''}\n`);

  const results: Record<number, Summary> = {};
  let broken = false;
  for (const n of sizes) {
    const dir = join(CACHE, String(n));
    const t0 = performance.now();
    const manifest = ensureCorpus(dir, n, seed);
    const genMs = performance.now() - t0;
    if (genMs > 500) process.stderr.write(`  generated ${fmt(n)} articles in ${fmt(genMs / 1000, 1)} s (cached for next time)\n`);
    const runs = runsFor(n);
    // Peak memory: one index + check, and nothing else, in a fresh plain node process, as the CLI runs them.
    const peak = measureResult<{ peakRssMB: number }>([join(__dirname, 'out', 'measure-one.js'), '--dir', dir, '--draft', draftPath, '--peak-only'], timeoutS);
    const freshPeakMB = peak.result?.peakRssMB ?? null;
    if (freshPeakMB === null) process.stderr.write(`  size ${fmt(n)}: the peak-memory process ended (status ${peak.status}) without a result; the runs' peak is shown\n`);
    else process.stderr.write(`size ${fmt(n)}: one index + check in a fresh process: peak RSS ${fmt(freshPeakMB)} MB\n`);
    process.stderr.write(`size ${fmt(n)}: ${fmt(manifest.bytes / 1e6, 1)} MB, warm-up + ${runs} runs in a fresh process\n`);
    const child = spawnSync(process.execPath,
      ['--expose-gc', join(__dirname, 'out', 'measure-one.js'), '--dir', dir, '--draft', draftPath,
        '--runs', String(runs), '--budget-s', String(budget), '--label', `size ${fmt(n)}`],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, timeout: timeoutS * 1000, killSignal: 'SIGKILL' });
    const lines = (child.stdout ?? '').split('\n').filter((l) => l.startsWith('RESULT ') || l.startsWith('PARTIAL '));
    const line = lines[lines.length - 1];
    const timedOut = (child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    if (!line || (!timedOut && !line.startsWith('RESULT '))) {
      process.stderr.write(`bench: size ${n}: the measuring process ended (status ${child.status}, signal ${child.signal}) without a result\n`);
      broken = true;
      continue;
    }
    const r = JSON.parse(line.slice(line.indexOf(' ') + 1)) as SizeResult;
    if (r.error) {
      process.stderr.write(`bench: size ${n}: ${r.error}\n`);
      broken = true;
      if (r.runs === 0) continue;
    }
    // Stopped at the time limit: what was running then took at least the rest of the limit.
    let stopped: Summary['stopped'] = null;
    if (timedOut) {
      const atLeastMs = Math.max(0, timeoutS * 1000 - r.elapsedMs);
      stopped = { afterS: timeoutS, phase: r.phase, atLeastMs };
      process.stderr.write(`  size ${fmt(n)}: stopped at the ${timeoutS} s limit during ${r.phase} (running for ${fmt(atLeastMs / 1000, 1)} s)\n`);
    }
    // Stopped before the first run: the warm-up's figures are the (cold) measurement.
    if (r.indexMs.length === 0 && r.warmup.indexMs !== null) {
      r.cold = true;
      r.runs = 1;
      r.indexMs = [r.warmup.indexMs];
      r.indexCpuMs = r.warmup.indexCpuMs !== null ? [r.warmup.indexCpuMs] : [];
      if (r.warmup.floorMs !== null) r.floorMs = [r.warmup.floorMs];
      if (r.warmup.checkMs !== null) r.checkMs = [r.warmup.checkMs];
    }
    const indexMs = median(r.indexMs);
    const floorMs = median(r.floorMs);
    results[n] = {
      articles: manifest.count, textMB: manifest.bytes / 1e6, runs: r.runs, cold: r.cold, stopped,
      indexAtLeastMs: stopped && r.indexMs.length === 0 && /index/.test(stopped.phase) ? stopped.atLeastMs : null,
      checkAtLeastMs: stopped && r.checkMs.length === 0 && /check/.test(stopped.phase) ? stopped.atLeastMs : null,
      indexMs, indexCpuMs: median(r.indexCpuMs), floorMs, readMs: median(r.readMs), ratio: indexMs / floorMs,
      checkMs: median(r.checkMs), checkWarmMs: median(r.checkWarmMs), indexUsPerArticle: (indexMs * 1000) / manifest.count,
      claims: r.claims, claimsByKind: r.claimsByKind, claimsByStatus: r.claimsByStatus, retainedHeapMB: r.retainedHeapMB,
      baselineRssMB: r.baselineRssMB, peakRssMB: freshPeakMB ?? r.peakRssMB, peakRssRunsMB: r.peakRssMB,
      raw: { indexMs: r.indexMs, indexCpuMs: r.indexCpuMs, floorMs: r.floorMs, readMs: r.readMs, checkMs: r.checkMs, checkWarmMs: r.checkWarmMs },
    };
  }

  const measured = sizes.filter((n) => results[n] !== undefined);
  process.stdout.write('\n' + table(
    ['articles', 'text MB', 'runs', 'index ms', 'index CPU ms', 'floor ms', 'read ms', 'index/floor', 'µs/article', 'check ms', 'warm check ms', 'claims', 'heap MB', 'peak RSS MB'],
    measured.map((n) => {
      const s = results[n] as Summary;
      const atLeast = (x: number | null, v: number): string => (x !== null ? `> ${fmt(x)}` : fmtMs(v));
      return [fmt(n), fmt(s.textMB, 1), `${s.runs}${s.cold ? ' cold' : ''}${s.stopped ? ' stopped' : ''}`, atLeast(s.indexAtLeastMs, s.indexMs), fmtMs(s.indexCpuMs), fmtMs(s.floorMs), fmtMs(s.readMs), Number.isFinite(s.ratio) ? `${fmt(s.ratio, 2)}x` : '-', fmt(s.indexUsPerArticle, 1),
        atLeast(s.checkAtLeastMs, s.checkMs), fmtMs(s.checkWarmMs), s.checkMs >= 0 ? fmt(s.claims) : '-', fmt(s.retainedHeapMB), fmt(s.peakRssMB)];
    }),
  ) + '\n');
  const loadEnd = loadavg()[0] ?? NaN;
  process.stdout.write('medians; index = read files + buildCorpus + one garbage collection, as the CLI makes (CPU ms: user + system of all threads); floor = read files + splitSentences; read = files only; heap = retained after indexing; ' +
    'MB = 10^6 bytes; peak RSS = one index + check in a fresh process, as the CLI runs them, including the Node baseline ' +
    `(${fmt(median(measured.map((n) => (results[n] as Summary).baselineRssMB)))} MB)\n`);
  if (Math.max(env.loadavg1 ?? 0, loadEnd) > env.cpus) {
    process.stdout.write(`note: the machine was busy (load ${fmt(env.loadavg1 ?? NaN, 1)} at start, ${fmt(loadEnd, 1)} at end, ${env.cpus} CPUs): ` +
      'wall times are inflated; index CPU ms is the steadier figure\n');
  }
  process.stdout.write('\n');

  // Targets. A size stopped at the time limit counts with lower bounds ("more than"), which can still miss.
  const idx = (x: Summary): number => x.indexAtLeastMs ?? x.indexMs;
  const chk = (x: Summary): number => x.checkAtLeastMs ?? x.checkMs;
  const more = (bound: number | null | boolean): string => (bound !== null && bound !== false ? 'more than ' : '');
  const verdicts: { target: string; met: boolean | null; measured: string }[] = [];
  const big = results[TARGETS.size];
  const at = `at ${fmt(TARGETS.size)} articles`;
  if (big) {
    verdicts.push({ target: `index ${at} <= ${fmt(TARGETS.indexMs / 1000)} s`, met: idx(big) <= TARGETS.indexMs, measured: `${more(big.indexAtLeastMs)}${fmt(idx(big) / 1000, 2)} s` });
    verdicts.push({ target: `check ${at} <= ${fmt(TARGETS.checkMs)} ms`, met: chk(big) <= TARGETS.checkMs, measured: `${more(big.checkAtLeastMs)}${fmtMs(chk(big))} ms` });
    verdicts.push({ target: `peak memory ${at} <= ${fmt(TARGETS.peakMB)} MB`, met: big.peakRssMB <= TARGETS.peakMB, measured: `${big.stopped ? 'at least ' : ''}${fmt(big.peakRssMB)} MB` });
  } else {
    for (const t of ['index', 'check', 'peak memory']) verdicts.push({ target: `${t} ${at}`, met: null, measured: `not measured (add ${TARGETS.size} to --sizes)` });
  }
  // Growth: exponent k of time ~ size^k between consecutive sizes (1 = linear).
  const growth: { from: number; to: number; indexExponent: number; checkExponent: number; lowerBound: boolean }[] = [];
  for (let i = 1; i < measured.length; i++) {
    const a = results[measured[i - 1] as number] as Summary;
    const b = results[measured[i] as number] as Summary;
    const k = Math.log(b.articles / a.articles);
    growth.push({
      from: a.articles, to: b.articles, indexExponent: Math.log(idx(b) / idx(a)) / k, checkExponent: Math.log(chk(b) / chk(a)) / k,
      lowerBound: b.stopped !== null,
    });
  }
  if (measured.length >= 2) {
    const first = results[measured[0] as number] as Summary;
    const last = results[measured[measured.length - 1] as number] as Summary;
    const top = growth[growth.length - 1]!;
    verdicts.push({
      target: `index grows linearly (exponent <= ${LINEAR_EXPONENT} between the largest sizes)`,
      met: !Number.isFinite(top.indexExponent) ? null : top.indexExponent <= LINEAR_EXPONENT ? (last.indexAtLeastMs === null ? true : null) : false,
      measured: `exponent ${more(last.indexAtLeastMs)}${fmt(top.indexExponent, 2)} (${fmt(top.from)} -> ${fmt(top.to)}); ` +
        `µs/article ${measured.map((n) => `${more((results[n] as Summary).indexAtLeastMs)}${fmt(idx(results[n] as Summary) * 1000 / n, 1)}`).join(' / ')}`,
    });
    const kCheck = Math.log(chk(last) / chk(first)) / Math.log(last.articles / first.articles);
    const trivial = chk(last) < 1;
    verdicts.push({
      target: 'check grows sub-linearly (exponent < 1 across all sizes)',
      // A lower bound below 1 proves nothing; one at or above 1 already misses.
      met: trivial ? true : !Number.isFinite(kCheck) ? null : kCheck < 1 ? (last.checkAtLeastMs === null ? true : null) : false,
      measured: `exponent ${more(last.checkAtLeastMs)}${fmt(kCheck, 2)} (${fmt(first.articles)} -> ${fmt(last.articles)}); ` +
        `check ms ${measured.map((n) => `${more((results[n] as Summary).checkAtLeastMs)}${fmtMs(chk(results[n] as Summary))}`).join(' / ')}` +
        (trivial ? '; under 1 ms at every size, so the exponent is noise' : ''),
    });
  }
  // The same sizes with the corpus split across threads, one per core (up to 4), as the CLI runs a large corpus
  // (bench/measure-threads.ts; BENCH_THREADS=0 skips it, BENCH_THREADS=n asks for n threads).
  const jobs = Number(process.env.BENCH_THREADS ?? Math.min(env.cpus, 4));
  const threaded: Record<number, { jobs: number; indexMs: number; checkMs: number; peakRssMB: number; raw: ThreadsResult }> = {};
  if (jobs >= 2) {
    for (const n of measured.filter((x) => x >= 1000)) {
      process.stderr.write(`size ${fmt(n)}: ${jobs} threads, ${runsFor(n)} runs in a fresh process\n`);
      const { result: r, status } = measureResult<ThreadsResult>(
        ['--expose-gc', join(__dirname, 'out', 'measure-threads.js'), '--dir', join(CACHE, String(n)), '--draft', draftPath, '--jobs', String(jobs), '--runs', String(runsFor(n))],
        timeoutS,
      );
      if (r === null || r.error !== null || r.indexMs.length === 0) {
        process.stderr.write(`bench: size ${n} on ${jobs} threads: ${r?.error ?? `the process ended (status ${status}) without a result`}\n`);
        broken = true;
        continue;
      }
      threaded[n] = { jobs, indexMs: median(r.indexMs), checkMs: median(r.checkMs), peakRssMB: r.peakRssMB, raw: r };
    }
    const rows = Object.keys(threaded).map(Number);
    if (rows.length > 0) {
      process.stdout.write(`\non ${jobs} threads (the CLI's default from 10 MB of source files; each thread loads its own share of the files, as the CLI's do; workers started afresh each run, as in a CLI run; speed-up: one thread's time over this one's):\n` + table(
        ['articles', 'threads', 'runs', 'index ms', 'index/floor', 'speed-up', 'check ms', 'speed-up', 'peak RSS MB'],
        rows.map((n) => {
          const t = threaded[n]!;
          const one = results[n] as Summary;
          return [fmt(n), String(t.jobs), String(t.raw.indexMs.length), fmtMs(t.indexMs), `${fmt(t.indexMs / one.floorMs, 2)}x`, `${fmt(one.indexMs / t.indexMs, 2)}x`,
            fmtMs(t.checkMs), `${fmt(one.checkMs / t.checkMs, 2)}x`, fmt(t.peakRssMB)];
        }),
      ) + '\n\n');
    }
    const big2 = threaded[TARGETS.size];
    if (big2) {
      verdicts.push({ target: `index at ${fmt(TARGETS.size)} articles on ${jobs} threads <= ${fmt(TARGETS.indexMs / 1000)} s`, met: big2.indexMs <= TARGETS.indexMs, measured: `${fmt(big2.indexMs / 1000, 2)} s` });
      verdicts.push({ target: `check at ${fmt(TARGETS.size)} articles on ${jobs} threads <= ${fmt(TARGETS.checkMs)} ms`, met: big2.checkMs <= TARGETS.checkMs, measured: `${fmtMs(big2.checkMs)} ms` });
      verdicts.push({ target: `peak memory at ${fmt(TARGETS.size)} articles on ${jobs} threads <= ${fmt(TARGETS.peakMB)} MB`, met: big2.peakRssMB <= TARGETS.peakMB, measured: `${fmt(big2.peakRssMB)} MB` });
    }
  }
  process.stdout.write('targets (2-core machine):\n');
  for (const v of verdicts) process.stdout.write(`  ${v.met === null ? 'unknown' : v.met ? 'met    ' : 'NOT met'}  ${v.target}: ${v.measured}\n`);
  const claimsLine = measured.map((n) => {
    const s = results[n] as Summary;
    const parts = Object.entries(s.claimsByStatus).map(([k, c]) => `${c} ${k}`).join(', ');
    return Number.isNaN(s.checkMs) ? `${fmt(n)}: - (no check finished)` : `${fmt(n)}: ${s.claims}${parts ? ` (${parts})` : ''}`;
  }).join('; ');
  process.stdout.write(`claims found in the draft: ${claimsLine}\n`);

  const out = join(CACHE, 'results.json');
  writeFileSync(out, JSON.stringify({
    environment: { ...env, loadavg1End: loadEnd }, seed, generatorVersion: GENERATOR_VERSION, draftWords: countWords(draft), units: { time: 'ms', memory: 'MB (10^6 bytes)' },
    targets: TARGETS, sizes: results, threads: threaded, growth, verdicts,
  }, null, 2) + '\n');
  process.stdout.write(`results written to ${out}\n`);
  // The CLI end to end at the largest size, once per output format (bench/cli-formats.ts): every format must be able
  // to write its report there (BENCH_CLI_FORMATS=0 skips it).
  const largest = measured[measured.length - 1];
  if (largest !== undefined && process.env.BENCH_CLI_FORMATS !== '0') {
    const formats = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cli-formats.ts'), '--dir', join(CACHE, String(largest)), '--draft', draftPath],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 20 * 60_000, killSignal: 'SIGKILL' });
    if (formats.status !== 0) broken = true;
  }
  // How reading time grows with odd inputs (bench/input-growth.ts): a pattern read in time faster than linear in its
  // length hangs on a large file.
  const inputGrowth = spawnSync(process.execPath, [join(__dirname, 'out', 'input-growth.js')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000, killSignal: 'SIGKILL' });
  if (inputGrowth.status !== 0) broken = true;
  // The editor through the real language server over JSON-RPC (bench/lsp.ts): latency with 2,000 sources, memory with
  // 10,000 over a long run of edits (the server's peak grows with the garbage edits leave until it collects).
  // The memory run ends with "Reindex Sources": building a second index while the first is in use.
  const lspRuns: [sources: number, edits: number, extra: string[]][] = [
    [Number(process.env.BENCH_LSP_SOURCES ?? 2000), 60, []],
    [Number(process.env.BENCH_LSP_MEMORY_SOURCES ?? 10000), 300, ['--reindex']],
  ];
  for (const [lspSources, edits, extra] of lspRuns) {
    if (!(lspSources > 0)) continue;
    const lsp = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lsp.ts'), '--sources', String(lspSources), '--edits', String(edits), '--seed', String(seed), '--words', String(words), ...extra],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 20 * 60_000, killSignal: 'SIGKILL' });
    if (lsp.status !== 0) broken = true;
  }
  if (broken) {
    process.stderr.write('bench: the benchmark did not complete for every size (see above)\n');
    process.exit(1);
  }
}

main();
