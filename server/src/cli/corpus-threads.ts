// The corpus the CLI checks drafts against: held by this thread, or split into shards across worker threads
// (parallel/sharded-corpus.ts), which index and check at the same time, one per CPU core. Both give the same verdicts.
import { availableParallelism } from 'node:os';
import { buildCorpus, checkDraft, type CheckDraftOptions } from '../core/check';
import type { Claim, SourceInput } from '../core/types';
import { ShardedCorpus, WorkerScriptMissing } from '../parallel/sharded-corpus';

/** Below this many characters of sources (about 2,000 news articles) one thread is used: a worker thread starts with
 * its code not yet optimised and holds its own copy of its sources, and at 1,000 articles the CLI took as long on two
 * threads as on one (3.2-3.7 s either way), with 70 MB more memory. */
export const PARALLEL_MIN_CHARS = 10_000_000;
/** The most threads chosen without --jobs. */
const DEFAULT_MAX_JOBS = 4;

export interface CheckCorpus {
  /** How many threads hold the corpus. */
  readonly jobs: number;
  /** Where reading stopped in a source cut at its 50,000th mention, or undefined. */
  readTo(id: string): number | undefined;
  check(text: string, options: CheckDraftOptions): Promise<Claim[]>;
  close(): Promise<void>;
}

/** The threads to use: those asked for, else one per core (up to 4) for sources over PARALLEL_MIN_CHARS. */
export function threadsFor(asked: number | undefined, sources: readonly SourceInput[], cores = availableParallelism()): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, sources.length));
  let chars = 0;
  for (const s of sources) chars += s.text.length;
  return chars < PARALLEL_MIN_CHARS ? 1 : Math.max(1, Math.min(cores, DEFAULT_MAX_JOBS, sources.length));
}

/** The corpus on `jobs` threads; on one, with a warning, when the worker's script is missing (a copy of the CLI
 * without server/out/shard-worker.js). */
export async function openCorpus(sources: readonly SourceInput[], jobs: number, onProgress: (done: number, total: number) => void, warn: (message: string) => void): Promise<CheckCorpus> {
  const sharded =
    jobs > 1
      ? await ShardedCorpus.build(sources, { jobs, onProgress }).catch((err: unknown) => {
          if (!(err instanceof WorkerScriptMissing)) throw err;
          warn(`${err.message}: indexing on one thread`);
          return null;
        })
      : null;
  if (sharded !== null) {
    return {
      jobs: sharded.jobs,
      readTo: (id) => sharded.readTo.get(id),
      check: (text, options) => sharded.check(text, options),
      close: () => sharded.close(),
    };
  }
  const corpus = buildCorpus(sources, { onProgress });
  return {
    jobs: 1,
    readTo: (id) => corpus.byId.get(id)?.readTo,
    check: (text, options) => Promise.resolve(checkDraft(text, corpus, options)),
    close: () => Promise.resolve(),
  };
}
