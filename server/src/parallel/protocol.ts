// The messages between a ShardedCorpus (sharded-corpus.ts) and its worker threads (shard-worker.ts). Each worker
// holds one shard of the corpus: it indexes its share of the sources, and checks each draft against them.
import type { shardCounts, WholeCounts } from '../core/corpus/corpus';
import type { Language, SourceInput } from '../core/types';
import type { WirePart } from './wire';
import type { SourceFile, SourceMeta } from '../sources';

/** What a worker indexes: sources sent with their texts, or files it loads itself (sources/load.ts). */
export type ShardWork = { type: 'build'; sources: SourceInput[] } | { type: 'load'; files: SourceFile[]; maxFileSize: number };

/** A loaded source as a worker sends it: without its text, and its `locate` made again from its fileMap. */
export type SentSource = Omit<SourceMeta, 'locate'>;

export type ToShard =
  | ShardWork
  | { type: 'whole'; whole: WholeCounts }
  | { type: 'check'; id: number; text: string; language?: Language; keepPreparations: boolean; ownSource?: string };

export type FromShard =
  | { type: 'progress'; done: number }
  | {
      type: 'built';
      /** How many inputs (sources or files) it went through. */
      done: number;
      counts: ReturnType<typeof shardCounts>;
      readTo: [string, number][];
      /** Its sources' ids, in its order. */
      ids: string[];
      /** For files: each one's outcome, in order. */
      loaded?: (SentSource | string)[];
    }
  | { type: 'checked'; id: number; part: WirePart }
  | { type: 'failed'; id: number; message: string };
