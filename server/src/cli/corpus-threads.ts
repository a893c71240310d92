// How many threads the CLI holds its corpus in (parallel/open-corpus.ts): one, or one per CPU core for a large corpus.
import { availableParallelism } from 'node:os';
import type { SourceInput } from '../core/types';

/** Below this many characters of sources (about 2,000 news articles) one thread is used: a worker thread starts with
 * its code not yet optimised and holds its own copy of its sources, and at 1,000 articles the CLI took as long on two
 * threads as on one (3.2-3.7 s either way), with 70 MB more memory. */
export const PARALLEL_MIN_CHARS = 10_000_000;
/** The most threads chosen without --jobs. */
const DEFAULT_MAX_JOBS = 4;

/** The threads to use: those asked for, else one per core (up to 4) for sources over PARALLEL_MIN_CHARS. */
export function threadsFor(asked: number | undefined, sources: readonly SourceInput[], cores = availableParallelism()): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, sources.length));
  let chars = 0;
  for (const s of sources) chars += s.text.length;
  return chars < PARALLEL_MIN_CHARS ? 1 : Math.max(1, Math.min(cores, DEFAULT_MAX_JOBS, sources.length));
}
