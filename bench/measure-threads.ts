// Measures one corpus size with the corpus split across threads (server/src/parallel/sharded-corpus.ts), as the
// CLI runs a large corpus: in a fresh process, each run finds the files and builds a ShardedCorpus from them (this
// thread and jobs - 1 worker threads, started afresh, as each CLI run starts its own; each reads, checks and indexes
// its share of the files, as the CLI's loader does) and checks the draft once. Prints one JSON line starting with
// "RESULT ".
//
//   node bench/out/measure-threads.js --dir .cache/bench/10000 --draft draft.md --jobs 2 --runs 3   (after npm run build)
//
// The workers are cold in every run (their code not yet optimised), as they are in a CLI run; the peak is the first
// run's, in a process that has done nothing else.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ShardedCorpus } from '../server/src/parallel/sharded-corpus';
import { collectGarbage } from '../server/src/collect-garbage';
import { arg, peakMB } from './process-args';
import { DEFAULT_MAX_FILE_SIZE, findSources, sizedFiles } from '../server/src/sources';

export interface ThreadsResult {
  jobs: number;
  indexMs: number[];
  checkMs: number[];
  peakRssMB: number;
  claims: number;
  error: string | null;
}


async function main(): Promise<void> {
  const dir = arg('dir');
  const draft = readFileSync(arg('draft'), 'utf8');
  const jobs = Number(arg('jobs', '2'));
  const runs = Number(arg('runs', '3'));
  // Bundled into bench/out/: the worker is the CLI's, server/out/shard-worker.js.
  const workerScript = resolve(__dirname, '..', '..', 'server', 'out', 'shard-worker.js');
  const result: ThreadsResult = { jobs, indexMs: [], checkMs: [], peakRssMB: 0, claims: 0, error: null };
  try {
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      // As the CLI loads a large corpus (cli/run.ts): each thread reads, checks and indexes its share of the files.
      const files = sizedFiles((await findSources([dir])).files);
      const { corpus } = await ShardedCorpus.buildFromFiles(files, { jobs, workerScript, maxFileSize: DEFAULT_MAX_FILE_SIZE });
      // As the CLI does once its corpus is built.
      collectGarbage();
      result.indexMs.push(performance.now() - t0);
      const t1 = performance.now();
      const claims = await corpus.check(draft, { language: 'markdown' });
      result.checkMs.push(performance.now() - t1);
      result.claims = claims.length;
      if (r === 0) result.peakRssMB = peakMB();
      await corpus.close();
      process.stderr.write(`  ${jobs} threads: run ${r + 1}/${runs} index ${result.indexMs[r]!.toFixed(0)} ms, check ${result.checkMs[r]!.toFixed(0)} ms\n`);
      (globalThis as { gc?: () => void }).gc?.();
    }
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

void main();
