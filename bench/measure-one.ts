// Measures one corpus size in this process (bench/run.ts starts one fresh process per size, so peak memory
// is per size). Prints its figures as one JSON line starting with "RESULT " on stdout; progress goes to stderr.
//
//   node --expose-gc bench/out/measure-one.js --dir .cache/bench/1000 --draft draft.md --runs 5   (after npm run build)
//
// read  = read every file of the corpus from disk (the page cache, after the warm-up), nothing else
// index = read every file of the corpus from disk (readFileSync utf8) + buildCorpus + one garbage collection, as the
// CLI makes once its corpus is built
// floor = read the same files + splitSentences on each: the cheapest pass that touches every byte
// check = checkDraft(draft, corpus, { language: 'markdown' }) on a freshly built corpus: what the CLI does with one
//         draft (each source's preparations dropped once verified)
// warm  = the same draft checked again with every source's preparations kept from the check before
//         (keepPreparations, what the CLI does from its second draft on)
import { readFileSync, writeFileSync } from 'node:fs';
import type { Corpus } from '../server/src/core/check';
// This file is bundled with the engine (esbuild.mjs -> bench/out/measure-one.js) and run by plain node, as the CLI
// is: not through tsx, whose loader would add its own memory to the peak and its wrappers to every hot loop.
import { buildCorpus, checkDraft, collectGarbage, splitSentences } from './engine';
import { arg, peakMB, readAll } from './process-args';
import type { Claim } from '../server/src/core/types';

export interface SizeResult {
  dir: string;
  articles: number;
  bytes: number;
  runs: number;
  /** Runs asked for; `runs` is lower when the time budget cut them. */
  runsRequested: number;
  /** The warm-up overran the budget: its figures (first, cold calls) are the only measurement. */
  cold: boolean;
  /** The warm-up's own figures (null until each finishes), kept in case the process is stopped before a run. */
  warmup: { floorMs: number | null; indexMs: number | null; indexCpuMs: number | null; checkMs: number | null };
  indexMs: number[];
  /** CPU time (user + system, all threads) of each index: less sensitive than wall time to other load on the machine. */
  indexCpuMs: number[];
  floorMs: number[];
  readMs: number[];
  checkMs: number[];
  checkWarmMs: number[];
  claims: number;
  claimsByKind: Record<string, number>;
  claimsByStatus: Record<string, number>;
  sentences: number;
  /** Heap still held after indexing (corpus and its texts), after a full GC. */
  retainedHeapMB: number;
  baselineRssMB: number;
  /** The highest resident set of one index + check (the warm-up's, or the largest of the runs'); each run's peak
   * is its own where the kernel lets a process reset its peak (Linux), else the process's since it started. A run
   * after the first reads higher than the same work in a fresh process (this one still holds pages of the corpora
   * before it): bench/run.ts reports the peak of a `--peak-only` process instead, and keeps this one as well. */
  peakRssMB: number;
  /** What the process was doing at its last report ('done' at the end), and since when (ms after the process started). */
  phase: string;
  elapsedMs: number;
  error: string | null;
}

const MB = 1e6;


const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

function timeRead(dir: string): number {
  const t0 = performance.now();
  readAll(dir);
  return performance.now() - t0;
}

function timeFloor(dir: string): { ms: number; sentences: number } {
  const t0 = performance.now();
  const inputs = readAll(dir);
  let n = 0;
  for (const s of inputs) n += splitSentences(s.text).length;
  return { ms: performance.now() - t0, sentences: n };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function timeIndex(dir: string): { ms: number; cpuMs: number; corpus: Corpus; bytes: number; articles: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const inputs = readAll(dir);
  const corpus = buildCorpus(inputs);
  // As the CLI does once its corpus is built (cli/run.ts).
  collectGarbage();
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  let bytes = 0;
  for (const s of inputs) bytes += Buffer.byteLength(s.text, 'utf8');
  return { ms, cpuMs: cpu, corpus, bytes, articles: inputs.length };
}

function timeCheck(draft: string, corpus: Corpus, keepPreparations = false): { ms: number; claims: Claim[] } {
  const t0 = performance.now();
  const claims = checkDraft(draft, corpus, { language: 'markdown', keepPreparations });
  return { ms: performance.now() - t0, claims };
}

function count<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** Warm calls of checkDraft are measured only when a first call takes less than this. */
const WARM_CHECK_LIMIT_MS = 2000;

/** Resets this process's peak resident set (Linux: "5" to /proc/self/clear_refs), so the next peak read is one
 * run's own, not that of an earlier corpus still waiting for the collector. False where that is not possible. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}


/** `--peak-only`: one read + index + check and nothing else, as a CLI run with one draft makes them, in this fresh
 * process: its peak resident set is the size's peak memory (a process that indexes again after a first corpus
 * still holds pages of it, and reads higher). */
function peakOnly(dir: string, draft: string): void {
  const corpus = buildCorpus(readAll(dir));
  collectGarbage();
  const claims = checkDraft(draft, corpus, { language: 'markdown' });
  process.stdout.write(`RESULT ${JSON.stringify({ peakRssMB: peakMB(), claims: claims.length })}\n`);
}

function main(): void {
  const dir = arg('dir');
  if (process.argv.includes('--peak-only')) {
    peakOnly(dir, readFileSync(arg('draft'), 'utf8'));
    return;
  }
  const draft = readFileSync(arg('draft'), 'utf8');
  const runsRequested = Number(arg('runs', '3'));
  const budgetMs = Number(arg('budget-s', '60')) * 1000;
  const label = arg('label', dir);
  if (!gc) process.stderr.write('measure-one: run with --expose-gc for steadier figures\n');

  const start = performance.now();
  collect();
  const baselineRss = process.memoryUsage().rss;
  const result: SizeResult = {
    dir, articles: 0, bytes: 0, runs: 0, runsRequested, cold: false, warmup: { floorMs: null, indexMs: null, indexCpuMs: null, checkMs: null }, indexMs: [], indexCpuMs: [], floorMs: [], readMs: [], checkMs: [],
    checkWarmMs: [], claims: 0, claimsByKind: {}, claimsByStatus: {}, sentences: 0, retainedHeapMB: 0, baselineRssMB: baselineRss / MB,
    peakRssMB: 0, phase: 'start', elapsedMs: 0, error: null,
  };
  // After each phase, the figures so far: if the parent stops this process at its time limit, it still knows
  // what was measured and what was running.
  // The peak of each index + check measured so far, and whether one is in progress (its peak counts too; a floor
  // pass between runs does not).
  const peaks: number[] = [];
  let measuring = true;
  const report = (phase: string, final = false): void => {
    result.phase = phase;
    result.elapsedMs = performance.now(); // since this process started (Node's time origin)
    result.peakRssMB = Math.max(measuring ? peakMB() : 0, ...peaks);
    process.stdout.write(`${final ? 'RESULT' : 'PARTIAL'} ${JSON.stringify(result)}\n`);
  };
  const claimsOf = (claims: Claim[]): void => {
    result.claims = claims.length;
    result.claimsByKind = count(claims, (c) => c.kind);
    result.claimsByStatus = count(claims, (c) => c.status);
  };
  try {
    // Warm-up: one of each (JIT, page cache), normally discarded. It also sizes the run count to the budget;
    // when the warm-up alone overruns the budget, its figures are kept as the one (cold) measurement.
    report('warm-up floor');
    const f0 = timeFloor(dir);
    result.warmup.floorMs = f0.ms;
    result.sentences = f0.sentences;
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    resetPeak(); // the warm-up's peak is its index + check's, not the floor pass's before it
    report('warm-up index');
    let built: ReturnType<typeof timeIndex> | null = timeIndex(dir);
    collect();
    result.retainedHeapMB = (process.memoryUsage().heapUsed - heapBefore) / MB;
    result.articles = built.articles;
    result.bytes = built.bytes;
    // The figures, not the corpus: a second corpus built while this one is still held would double the peak.
    const warmIndex = { ms: built.ms, cpuMs: built.cpuMs };
    result.warmup.indexMs = built.ms;
    result.warmup.indexCpuMs = built.cpuMs;
    report('warm-up check');
    let check0: ReturnType<typeof timeCheck> | null = timeCheck(draft, built.corpus);
    const c0 = { ms: check0.ms };
    claimsOf(check0.claims);
    check0 = null;
    result.warmup.checkMs = c0.ms;
    built = null;
    peaks.push(peakMB());
    measuring = false;
    const warmupMs = performance.now() - start;
    process.stderr.write(`  ${label}: warm-up ${(warmupMs / 1000).toFixed(1)} s (index ${warmIndex.ms.toFixed(0)} ms, check ${c0.ms.toFixed(0)} ms)\n`);
    const perRun = f0.ms * 2 + warmIndex.ms + c0.ms * (c0.ms < WARM_CHECK_LIMIT_MS ? 3 : 1);
    const runs = Math.min(runsRequested, Math.floor((budgetMs - warmupMs) / Math.max(1, perRun)));
    if (runs < 1) {
      result.cold = true;
      result.runs = 1;
      result.floorMs.push(f0.ms);
      result.indexMs.push(warmIndex.ms);
      result.indexCpuMs.push(warmIndex.cpuMs);
      result.checkMs.push(c0.ms);
      result.sentences = f0.sentences;
      process.stderr.write(`  ${label}: the warm-up used the time budget, so its figures are the one (cold) measurement\n`);
    } else if (runs < runsRequested) {
      process.stderr.write(`  ${label}: ${runs} run(s) instead of ${runsRequested} to stay within the time budget\n`);
    }

    for (let r = 0; r < runs; r++) {
      // Alternate floor and index order so neither always runs on a colder cache or a dirtier heap.
      const floorFirst = r % 2 === 1;
      const floor = (): void => {
        collect();
        report(`run ${r + 1} floor`);
        const f = timeFloor(dir);
        result.floorMs.push(f.ms);
        result.sentences = f.sentences;
      };
      if (floorFirst) floor();
      collect();
      const ownPeak = resetPeak();
      measuring = ownPeak;
      report(`run ${r + 1} index`);
      let b: ReturnType<typeof timeIndex> | null = timeIndex(dir);
      result.indexMs.push(b.ms);
      result.indexCpuMs.push(b.cpuMs);
      report(`run ${r + 1} check`);
      const first = timeCheck(draft, b.corpus);
      result.checkMs.push(first.ms);
      claimsOf(first.claims);
      // The peak is the one-shot check's; the warm check after it keeps every source's preparations, as a CLI run
      // with several drafts does.
      if (ownPeak) peaks.push(peakMB());
      if (first.ms < WARM_CHECK_LIMIT_MS) {
        timeCheck(draft, b.corpus, true);
        result.checkWarmMs.push(timeCheck(draft, b.corpus, true).ms);
      }
      b = null;
      measuring = false;
      if (!floorFirst) floor();
      collect();
      result.readMs.push(timeRead(dir));
      result.runs++;
      process.stderr.write(`  ${label}: run ${r + 1}/${runs} index ${result.indexMs[r]!.toFixed(0)} ms, check ${result.checkMs[r]!.toFixed(1)} ms\n`);
    }
  } catch (e) {
    result.error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  }
  report('done', true);
}

main();
