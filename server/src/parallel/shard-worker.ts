// A worker thread holding one shard of a corpus (see sharded-corpus.ts): it indexes the sources it is sent, takes
// the whole corpus's counts, and checks each draft against its shard, sending back the found verdicts.
import { parentPort } from 'node:worker_threads';
import { buildCorpus, checkShard, createCorpus, readDraft, type Corpus } from '../core/check';
import { cutSources, setWhole, shardCounts } from '../core/corpus/corpus';
import type { FromShard, ToShard } from './protocol';
import { WireEncoder } from './wire';

const port = parentPort;
if (port === null) throw new Error('shard-worker.js runs as a worker thread');
const send = (m: FromShard): void => port.postMessage(m);
let corpus: Corpus = createCorpus();

port.on('message', (m: ToShard) => {
  if (m.type === 'build') {
    corpus = buildCorpus(m.sources, { onProgress: (done) => send({ type: 'progress', done }) });
    send({ type: 'built', counts: shardCounts(corpus), readTo: cutSources(corpus) });
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
      send({ type: 'checked', id: m.id, part: encoder.finish(part) });
    } catch (err) {
      send({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
});
