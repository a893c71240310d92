// A corpus split into shards, one per CPU core, for the CLI and the benchmark: this thread indexes the first shard
// and a worker thread each other one, at the same time; a check reads the draft once here, each shard verifies it
// against its own sources at the same time, and the found verdicts are put together in source order
// (core/check.ts mergeShards). The verdicts are the ones one corpus gives: each shard decides which of a claim's terms
// still tell sources apart by the whole corpus's counts (core/corpus/corpus.ts `whole`), and every other step of a
// check reads one source at a time.
//
// The editor does not use it: it changes its corpus one file at a time and re-checks one claim per keystroke,
// where one thread answers sooner than a round trip to others.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { addSource, checkShard, createCorpus, mergeShards, readDraft, type CheckDraftOptions, type Corpus } from '../core/check';
import { cutSources, setWhole, shardCounts, wholeCounts } from '../core/corpus/corpus';
import type { Claim, SourceInput } from '../core/types';
import type { FromShard, ShardWork, ToShard } from './protocol';
import { locator, type SourceFile, type SourceMeta } from '../sources';
import { loadShard } from './load-shard';
import { decodePart, type WirePart } from './wire';

export interface ShardedBuildOptions {
  /** How many shards (at least 1): this thread indexes the first, a worker thread each other. */
  jobs: number;
  /** Called as sources are indexed (every 100 in each shard, and at the end), for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** The worker's script (default: shard-worker.js beside this file, or its TypeScript source under tsx). */
  workerScript?: string;
}

/** Splits the inputs into at most `n` runs, in order, of about the same size each (none empty, unless there are no
 * inputs: then one empty run). */
export function splitEvenly<T>(inputs: readonly T[], n: number, size: (input: T) => number): T[][] {
  const k = Math.max(1, Math.min(n, inputs.length));
  let total = 0;
  for (const s of inputs) total += size(s);
  let run: T[] = [];
  const runs: T[][] = [run];
  let sum = 0;
  inputs.forEach((s, i) => {
    const runsToCome = k - runs.length;
    // The next run starts once this one has its share of the size, or when each run to come needs one of the
    // inputs left.
    if (run.length > 0 && runsToCome > 0 && (sum >= (total * runs.length) / k || inputs.length - i === runsToCome)) {
      run = [];
      runs.push(run);
    }
    run.push(s);
    sum += size(s);
  });
  return runs;
}

/** The worker's script is not where it should be (a copy of the CLI without server/out/shard-worker.js). */
export class WorkerScriptMissing extends Error {}

/** A worker's script: a file, or (eval) code that loads one. */
interface Script {
  file: string;
  eval?: boolean;
}

function defaultScript(): Script {
  // Bundled, this file is part of server/out/cli.js and the worker is server/out/shard-worker.js. Run from the
  // TypeScript sources (tests under tsx), the worker is shard-worker.ts, loaded through tsx's require hook.
  if (__filename.endsWith('.ts')) return { file: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'shard-worker.ts'))});`, eval: true };
  return { file: join(__dirname, 'shard-worker.js') };
}

/** One worker thread and the answers it owes. */
class Shard {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private readonly waiting = new Map<number, { resolve: (m: FromShard) => void; reject: (e: Error) => void }>();
  private built: { resolve: (m: FromShard) => void; reject: (e: Error) => void } | null = null;
  done = 0;

  constructor(script: Script, onProgress: () => void) {
    this.worker = new Worker(script.file, { eval: script.eval === true });
    this.worker.on('message', (m: FromShard) => {
      if (m.type === 'progress') {
        this.done = m.done;
        onProgress();
      } else if (m.type === 'built') {
        this.done = m.done;
        this.built?.resolve(m);
      }
      else this.waiting.get(m.id)?.resolve(m);
    });
    const fail = (err: Error): void => {
      this.failure = new Error(`a worker thread failed: ${err.message}`, { cause: err });
      this.built?.reject(this.failure);
      for (const w of this.waiting.values()) w.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (this.failure === null && (this.built !== null || this.waiting.size > 0)) fail(new Error(`it stopped (exit code ${code})`));
    });
  }

  private send(m: ToShard): void {
    if (this.failure !== null) throw this.failure;
    this.worker.postMessage(m);
  }

  build(work: ShardWork): Promise<Extract<FromShard, { type: 'built' }>> {
    return new Promise((resolve, reject) => {
      this.built = { resolve: resolve as (m: FromShard) => void, reject };
      this.send(work);
    }).finally(() => {
      this.built = null;
    }) as Promise<Extract<FromShard, { type: 'built' }>>;
  }

  setWhole(whole: ReturnType<typeof wholeCounts>): void {
    this.send({ type: 'whole', whole });
  }

  check(id: number, m: Omit<Extract<ToShard, { type: 'check' }>, 'type' | 'id'>): Promise<WirePart> {
    return new Promise<FromShard>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ type: 'check', id, ...m });
    })
      .finally(() => this.waiting.delete(id))
      .then((r) => {
        if (r.type === 'failed') throw new Error(r.message);
        return (r as Extract<FromShard, { type: 'checked' }>).part;
      });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Yields to the event loop, so that the workers' progress messages are read while this thread indexes. */
export function breath(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class ShardedCorpus {
  private checks = 0;

  private constructor(
    /** The shard this thread holds. */
    readonly local: Corpus,
    private readonly shards: Shard[],
    /** The ids of each worker's sources, in its order: its verdicts are made with them (wire.ts). This thread keeps
     * no copy of a worker's texts. */
    private readonly workerIds: readonly (readonly string[])[],
    /** Every source's id, shard after shard: the order of every claim's verdicts. */
    readonly ids: readonly string[],
    /** Where reading stopped in each source cut at its 50,000th mention (see extract/mention-limit.ts). */
    readonly readTo: ReadonlyMap<string, number>,
  ) {}

  /** How many shards (threads) the corpus is held in. */
  get jobs(): number {
    return this.shards.length + 1;
  }

  /** Indexes sources given with their texts: each worker is sent plain copies of its share (id, text, title, path). */
  static async build(inputs: readonly SourceInput[], options: ShardedBuildOptions): Promise<ShardedCorpus> {
    const runs = splitEvenly(inputs, options.jobs, (s) => s.text.length);
    const work = runs.slice(1).map((r): ShardWork => ({ type: 'build', sources: r.map(plainInput) }));
    const { corpus } = await ShardedCorpus.start(options, inputs.length, work, async (local, tick) => {
      for (const s of runs[0] ?? []) {
        addSource(local, s);
        await tick();
      }
      return [];
    });
    return corpus;
  }

  /** Loads source files and indexes them, each shard its own share of the files (by size): this thread never holds
   * a worker's texts, and the shards read and extract their files at the same time. Also gives each file's outcome,
   * in the files' order: the source without its text, or the warning that says why it was skipped. */
  static async buildFromFiles(
    files: readonly SourceFile[],
    options: ShardedBuildOptions & { maxFileSize: number },
  ): Promise<{ corpus: ShardedCorpus; loaded: (SourceMeta | string)[] }> {
    const runs = splitEvenly(files, options.jobs, (f) => f.bytes);
    const work = runs.slice(1).map((r): ShardWork => ({ type: 'load', files: r, maxFileSize: options.maxFileSize }));
    return ShardedCorpus.start(options, files.length, work, (local, tick) => loadShard(local, runs[0] ?? [], options.maxFileSize, tick));
  }

  /** Starts a worker for each share of `work`, has this thread index its own share (`indexLocal`, which calls `tick`
   * after each input) meanwhile, and joins the shards once all are built. */
  private static async start(
    options: ShardedBuildOptions,
    total: number,
    work: readonly ShardWork[],
    indexLocal: (local: Corpus, tick: () => Promise<void>) => Promise<(SourceMeta | string)[]>,
  ): Promise<{ corpus: ShardedCorpus; loaded: (SourceMeta | string)[] }> {
    // The workers report progress for as long as they run: what reports it is an object of its own, not a closure
    // beside build()'s, which would keep every source it was given (their texts) alive with it.
    const progress = new BuildProgress(total, options.onProgress);
    const script = options.workerScript !== undefined ? { file: options.workerScript } : defaultScript();
    if (script.eval !== true && !existsSync(script.file)) throw new WorkerScriptMissing(`the worker script ${script.file} is missing`);
    const shards = work.map(() => new Shard(script, progress.report));
    progress.shards = shards;
    try {
      const built = Promise.all(shards.map((s, i) => s.build(work[i] as ShardWork)));
      // A worker that fails while this thread indexes is reported below, not as an unhandled rejection.
      built.catch(() => undefined);
      const local = createCorpus();
      const loaded = await indexLocal(local, async () => {
        if (++progress.localDone % 100 === 0) {
          progress.report();
          await breath();
        }
      });
      const answers = await built;
      progress.report();
      const whole = wholeCounts([shardCounts(local), ...answers.map((a) => a.counts)]);
      setWhole(local, whole);
      for (const s of shards) s.setWhole(whole);
      const readTo = new Map([...cutSources(local), ...answers.flatMap((a) => a.readTo)]);
      const workerIds = answers.map((a) => a.ids);
      const ids = [...local.sources.map((s) => s.id), ...workerIds.flat()];
      for (const a of answers) for (const r of a.loaded ?? []) loaded.push(typeof r === 'string' ? r : { ...r, locate: locator(r.fileMap) });
      return { corpus: new ShardedCorpus(local, shards, workerIds, ids, readTo), loaded };
    } catch (err) {
      await Promise.all(shards.map((s) => s.close()));
      throw err;
    }
  }

  /** checkDraft over the whole corpus, shard by shard at the same time. Progress is this thread's shard's, scaled to
   * the whole: the other shards report when they are done. */
  async check(text: string, options: Pick<CheckDraftOptions, 'language' | 'keepPreparations' | 'ownSource' | 'onProgress' | 'onCutoff'> = {}): Promise<Claim[]> {
    const id = ++this.checks;
    const keepPreparations = options.keepPreparations === true;
    const asked = this.shards.map((s) =>
      s.check(id, {
        text,
        keepPreparations,
        ...(options.language === undefined ? {} : { language: options.language }),
        ...(options.ownSource === undefined ? {} : { ownSource: options.ownSource }),
      }),
    );
    // Every rejection is handled below, even one that comes while this thread verifies its own shard.
    const answers = Promise.all(asked);
    answers.catch(() => undefined);
    const draft = readDraft(text, options);
    const total = this.ids.length;
    const onProgress = options.onProgress;
    const scale = total / Math.max(1, this.local.sources.length);
    const mine = checkShard(draft, this.local, {
      keepPreparations,
      ...(options.ownSource === undefined ? {} : { ownSource: options.ownSource }),
      ...(onProgress === undefined ? {} : { onProgress: (done: number) => onProgress(Math.min(total, Math.round(done * scale)), total) }),
    });
    const parts = [mine, ...(await answers).map((wire, i) => decodePart(wire, this.workerIds[i] as string[]))];
    onProgress?.(total, total);
    return mergeShards(draft, parts, this.ids);
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.shards.map((s) => s.close()));
  }
}

/** Sources indexed so far, by this thread and by the workers. */
class BuildProgress {
  localDone = 0;
  shards: readonly Shard[] = [];

  constructor(
    private readonly total: number,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
  ) {}

  readonly report = (): void => {
    let done = this.localDone;
    for (const s of this.shards) done += s.done;
    this.onProgress?.(done, this.total);
  };
}

function plainInput(s: SourceInput): SourceInput {
  const out: SourceInput = { id: s.id, text: s.text };
  if (s.title !== undefined) out.title = s.title;
  if (s.path !== undefined) out.path = s.path;
  return out;
}
