// How many threads the CLI holds its corpus in (parallel/open-corpus.ts): one, or one per CPU core for a large corpus.
import { availableParallelism } from 'node:os';

/** Below this many bytes of source files (about 2,000 news articles) one thread is used: a worker thread starts with
 * its code not yet optimised, and at 1,000 articles the CLI took as long on two threads as on one (3.2-3.7 s either
 * way), with 70 MB more memory. */
export const PARALLEL_MIN_BYTES = 10_000_000;
/** The most threads chosen without --jobs. */
const DEFAULT_MAX_JOBS = 4;

/** The threads to use for sources of these sizes: those asked for, else one per core (up to 4) for sources of
 * PARALLEL_MIN_BYTES or more; never more than there are sources. */
export function threadsFor(asked: number | undefined, sizes: readonly number[], cores = availableParallelism()): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, sizes.length));
  let bytes = 0;
  for (const n of sizes) bytes += n;
  return bytes < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(cores, DEFAULT_MAX_JOBS, sizes.length));
}
