// A corpus to check drafts against, held by this thread or split into shards across worker threads
// (sharded-corpus.ts), which index and check at the same time. Both give the same verdicts. The CLI and the Node API
// open theirs here.
import { buildCorpus, checkDraft, type CheckDraftOptions } from '../core/check';
import type { Claim, SourceInput } from '../core/types';
import { ShardedCorpus, WorkerScriptMissing } from './sharded-corpus';

export interface CheckCorpus {
  /** How many threads hold the corpus. */
  readonly jobs: number;
  /** Where reading stopped in a source cut at its 50,000th mention, or undefined. */
  readTo(id: string): number | undefined;
  check(text: string, options: CheckDraftOptions): Promise<Claim[]>;
  close(): Promise<void>;
}

/** The corpus on `jobs` threads; on one, with a warning, when the worker's script is missing (a copy of the CLI or
 * the API without server/out/shard-worker.js beside it). */
export async function openCorpus(
  sources: readonly SourceInput[],
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  warn: (message: string) => void = () => {},
): Promise<CheckCorpus> {
  const sharded =
    jobs > 1
      ? await ShardedCorpus.build(sources, onProgress === undefined ? { jobs } : { jobs, onProgress }).catch((err: unknown) => {
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
  const corpus = buildCorpus(sources, onProgress === undefined ? {} : { onProgress });
  return {
    jobs: 1,
    readTo: (id) => corpus.byId.get(id)?.readTo,
    check: (text, options) => Promise.resolve(checkDraft(text, corpus, options)),
    close: () => Promise.resolve(),
  };
}
