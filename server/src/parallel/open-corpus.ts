// A corpus to check drafts against, held by this thread or split into shards across worker threads
// (sharded-corpus.ts), which index and check at the same time. Both give the same verdicts. The CLI and the Node API
// open theirs here.
import { buildCorpus, checkDraft, createCorpus, type CheckDraftOptions, type Corpus } from '../core/check';
import type { Claim, SourceInput } from '../core/types';
import type { SourceFile, SourceMeta } from '../sources';
import { loadShard } from './load-shard';
import { breath, ShardedCorpus, WorkerScriptMissing } from './sharded-corpus';

export interface CheckCorpus {
  /** How many threads hold the corpus. */
  readonly jobs: number;
  /** Where reading stopped in a source cut at its 50,000th mention, or undefined. */
  readTo(id: string): number | undefined;
  check(text: string, options: CheckDraftOptions): Promise<Claim[]>;
  close(): Promise<void>;
}

/** Source files loaded and indexed on `jobs` threads, each thread loading its own share (ShardedCorpus
 * buildFromFiles), with each file's outcome in order; on one thread when the worker's script is missing. The files'
 * ids must differ (the first of two files with one id is the one kept, which only the loader in one thread knows). */
export async function openFiles(
  files: readonly SourceFile[],
  jobs: number,
  maxFileSize: number,
  onProgress?: (done: number, total: number) => void,
  warn: (message: string) => void = () => {},
): Promise<{ corpus: CheckCorpus; loaded: (SourceMeta | string)[] }> {
  const built = jobs > 1 ? await orOneThread(ShardedCorpus.buildFromFiles(files, { jobs, maxFileSize, ...(onProgress === undefined ? {} : { onProgress }) }), warn) : null;
  if (built !== null) return { corpus: shardedCorpus(built.corpus), loaded: built.loaded };
  const corpus = createCorpus();
  let done = 0;
  const loaded = await loadShard(corpus, files, maxFileSize, async () => {
    if (++done % 100 === 0) {
      onProgress?.(done, files.length);
      await breath();
    }
  });
  onProgress?.(files.length, files.length);
  return { corpus: localCorpus(corpus), loaded };
}

/** The corpus on `jobs` threads; on one, with a warning, when the worker's script is missing (a copy of the CLI or
 * the API without server/out/shard-worker.js beside it). */
export async function openCorpus(
  sources: readonly SourceInput[],
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  warn: (message: string) => void = () => {},
): Promise<CheckCorpus> {
  const sharded = jobs > 1 ? await orOneThread(ShardedCorpus.build(sources, onProgress === undefined ? { jobs } : { jobs, onProgress }), warn) : null;
  if (sharded !== null) return shardedCorpus(sharded);
  return localCorpus(buildCorpus(sources, onProgress === undefined ? {} : { onProgress }));
}

/** What a sharded build gives, or null, with a warning, when the worker's script is missing: the caller then indexes
 * on one thread. Any other failure is the caller's. */
function orOneThread<T>(build: Promise<T>, warn: (message: string) => void): Promise<T | null> {
  return build.catch((err: unknown) => {
    if (!(err instanceof WorkerScriptMissing)) throw err;
    warn(`${err.message}: indexing on one thread`);
    return null;
  });
}

function shardedCorpus(sharded: ShardedCorpus): CheckCorpus {
  return {
    jobs: sharded.jobs,
    readTo: (id) => sharded.readTo.get(id),
    check: (text, options) => sharded.check(text, options),
    close: () => sharded.close(),
  };
}

function localCorpus(corpus: Corpus): CheckCorpus {
  return {
    jobs: 1,
    readTo: (id) => corpus.byId.get(id)?.readTo,
    check: (text, options) => Promise.resolve(checkDraft(text, corpus, options)),
    close: () => Promise.resolve(),
  };
}
