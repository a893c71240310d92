// A worker thread holding one shard of a corpus (see sharded-corpus.ts): it indexes the sources it is sent, or loads
// the files it is sent and indexes those that are sources; takes the whole corpus's counts; and checks each draft
// against its shard, sending back the found verdicts.
import { parentPort } from 'node:worker_threads';
import { buildCorpus, checkShard, createCorpus, readDraft, type Corpus } from '../core/check';
import { cutSources, setWhole, shardCounts } from '../core/corpus/corpus';
import type { FromShard, SentSource, ShardWork, ToShard } from './protocol';
import { loadShard } from './load-shard';
import { transferFor, WireEncoder } from './wire';

const port = parentPort;
if (port === null) throw new Error('shard-worker.js runs as a worker thread');
const send = (m: FromShard): void => port.postMessage(m);
let corpus: Corpus = createCorpus();

/** Indexes the shard's work, reporting progress every 100 inputs; the files' outcomes for a 'load'. */
async function build(m: ShardWork): Promise<{ done: number; loaded?: (SentSource | string)[] }> {
  if (m.type === 'build') {
    corpus = buildCorpus(m.sources, { onProgress: (done) => send({ type: 'progress', done }) });
    return { done: m.sources.length };
  }
  corpus = createCorpus();
  let done = 0;
  const loaded = await loadShard(corpus, m.files, m.maxFileSize, () => {
    if (++done % 100 === 0) send({ type: 'progress', done });
    return Promise.resolve();
  });
  // A function does not cross threads: the CLI's thread makes each `locate` again from its fileMap.
  return { done, loaded: loaded.map((r) => (typeof r === 'string' ? r : withoutLocate(r))) };
}

function withoutLocate(s: SentSource & { locate?: unknown }): SentSource {
  const { locate: _locate, ...sent } = s;
  return sent;
}

port.on('message', (m: ToShard) => {
  if (m.type === 'build' || m.type === 'load') {
    // A file the loader cannot read is a warning, not an error: what is thrown here is a bug, and fails the worker.
    void build(m).then(({ done, loaded }) => {
      send({ type: 'built', done, counts: shardCounts(corpus), readTo: cutSources(corpus), ids: corpus.sources.map((s) => s.id), ...(loaded ? { loaded } : {}) });
    });
  } else if (m.type === 'whole') setWhole(corpus, m.whole);
  else {
    try {
      const draft = readDraft(m.text, m.language === undefined ? {} : { language: m.language });
      // Each verdict is encoded as it is found, not kept until the end of the check.
      const encoder = new WireEncoder(corpus.sources);
      const part = checkShard(draft, corpus, {
        keepPreparations: m.keepPreparations,
        onVerdict: (k, at, v) => encoder.add(k, at, v),
        ...(m.ownSource === undefined ? {} : { ownSource: m.ownSource }),
      });
      const wire = encoder.finish(part);
      port.postMessage({ type: 'checked', id: m.id, part: wire } satisfies FromShard, transferFor(wire));
    } catch (err) {
      send({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
});
