// Measures one corpus size in this process (bench/run.ts starts one fresh process per size, so peak memory
// is per size). Prints its figures as one JSON line starting with "RESULT " on stdout; progress goes to stderr.
//
//   node --import tsx --expose-gc bench/measure-one.ts --dir .cache/bench/1000 --draft draft.md --runs 5
//
// read  = read every file of the corpus from disk (the page cache, after the warm-up), nothing else
// index = read every file of the corpus from disk (readFileSync utf8) + buildCorpus
// floor = read the same files + splitSentences on each: the cheapest pass that touches every byte
// check = checkDraft(draft, corpus, { language: 'markdown' }) on a freshly built corpus (first call), and
//         again on the same corpus (warm call, what an editor does on every change)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, checkDraft } from '../server/src/core/check';
import type { Corpus } from '../server/src/core/check';
import { splitSentences } from '../server/src/core/text/sentences';
import type { Claim, SourceInput } from '../server/src/core/types';

export interface SizeResult {
  dir: string;
  articles: number;
  bytes: number;
  runs: number;
  /** Runs asked for; `runs` is lower when the time budget cut them. */
  runsRequested: number;
  indexMs: number[];
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
  peakRssMB: number;
  error: string | null;
}

const MB = 1e6;

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v !== undefined) return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`measure-one: missing --${name}`);
}

const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

function readAll(dir: string): SourceInput[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return names.map((id) => {
    const path = join(dir, id);
    return { id, path, text: readFileSync(path, 'utf8') };
  });
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

function timeIndex(dir: string): { ms: number; corpus: Corpus; bytes: number; articles: number } {
  const t0 = performance.now();
  const inputs = readAll(dir);
  const corpus = buildCorpus(inputs);
  const ms = performance.now() - t0;
  let bytes = 0;
  for (const s of inputs) bytes += Buffer.byteLength(s.text, 'utf8');
  return { ms, corpus, bytes, articles: inputs.length };
}

function timeCheck(draft: string, corpus: Corpus): { ms: number; claims: Claim[] } {
  const t0 = performance.now();
  const claims = checkDraft(draft, corpus, { language: 'markdown' });
  return { ms: performance.now() - t0, claims };
}

function count<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

function main(): void {
  const dir = arg('dir');
  const draft = readFileSync(arg('draft'), 'utf8');
  const runsRequested = Number(arg('runs', '3'));
  const budgetMs = Number(arg('budget-s', '90')) * 1000;
  const label = arg('label', dir);
  if (!gc) process.stderr.write('measure-one: run with --expose-gc for steadier figures\n');

  collect();
  const baselineRss = process.memoryUsage().rss;
  const result: SizeResult = {
    dir, articles: 0, bytes: 0, runs: 0, runsRequested, indexMs: [], floorMs: [], readMs: [], checkMs: [], checkWarmMs: [], claims: 0,
    claimsByKind: {}, claimsByStatus: {}, sentences: 0, retainedHeapMB: 0, baselineRssMB: baselineRss / MB, peakRssMB: 0, error: null,
  };
  try {
    // Warm-up: one of each, discarded (JIT, page cache). It also sizes the run count to the time budget.
    const t0 = performance.now();
    timeFloor(dir);
    const heapBefore = (collect(), process.memoryUsage().heapUsed);
    let built: ReturnType<typeof timeIndex> | null = timeIndex(dir);
    collect();
    result.retainedHeapMB = (process.memoryUsage().heapUsed - heapBefore) / MB;
    result.articles = built.articles;
    result.bytes = built.bytes;
    timeCheck(draft, built.corpus);
    built = null;
    const warmupMs = performance.now() - t0;
    const runs = Math.max(1, Math.min(runsRequested, Math.floor(budgetMs / Math.max(1, warmupMs))));
    if (runs < runsRequested) process.stderr.write(`  ${label}: ${runs} run(s) instead of ${runsRequested} to stay within the time budget\n`);

    for (let r = 0; r < runs; r++) {
      // Alternate floor and index order so neither always runs on a colder cache or a dirtier heap.
      const floorFirst = r % 2 === 1;
      if (floorFirst) {
        collect();
        const f = timeFloor(dir);
        result.floorMs.push(f.ms);
        result.sentences = f.sentences;
      }
      collect();
      let b: ReturnType<typeof timeIndex> | null = timeIndex(dir);
      result.indexMs.push(b.ms);
      const first = timeCheck(draft, b.corpus);
      const warm = timeCheck(draft, b.corpus);
      result.checkMs.push(first.ms);
      result.checkWarmMs.push(warm.ms);
      result.claims = first.claims.length;
      result.claimsByKind = count(first.claims, (c) => c.kind);
      result.claimsByStatus = count(first.claims, (c) => c.status);
      b = null;
      if (!floorFirst) {
        collect();
        const f = timeFloor(dir);
        result.floorMs.push(f.ms);
        result.sentences = f.sentences;
      }
      collect();
      result.readMs.push(timeRead(dir));
      result.runs++;
      process.stderr.write(`  ${label}: run ${r + 1}/${runs} index ${result.indexMs[r]!.toFixed(0)} ms, check ${result.checkMs[r]!.toFixed(1)} ms\n`);
    }
  } catch (e) {
    result.error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  }
  // maxRSS is in kilobytes: the high-water mark of this process, i.e. of this corpus size.
  result.peakRssMB = (process.resourceUsage().maxRSS * 1024) / MB;
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main();
