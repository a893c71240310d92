// The messages between a ShardedCorpus (sharded-corpus.ts) and its worker threads (shard-worker.ts). Each worker
// holds one shard of the corpus: it indexes its share of the sources, and checks each draft against them.
import type { shardCounts, WholeCounts } from '../core/corpus/corpus';
import type { Language, SourceInput } from '../core/types';
import type { WirePart } from './wire';

export type ToShard =
  | { type: 'build'; sources: SourceInput[] }
  | { type: 'whole'; whole: WholeCounts }
  | { type: 'check'; id: number; text: string; language?: Language; keepPreparations: boolean; ownSource?: string };

export type FromShard =
  | { type: 'progress'; done: number }
  | { type: 'built'; counts: ReturnType<typeof shardCounts>; readTo: [string, number][] }
  | { type: 'checked'; id: number; part: WirePart }
  | { type: 'failed'; id: number; message: string };
