// A source near the size limit made of one repeated statement (a scraped table, a log pasted into an article) gives
// a check hundreds of thousands of candidate mentions at once: nothing may hand them all to one call as arguments
// (Math.max(...list) threw "Maximum call stack size exceeded" past about 120,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCorpus, checkDraft } from '../../server/src/core/check';

test('a draft figure against a source with 200,000 figures of the same quantity gets its verdict', () => {
  const unit = 'About 3,000 soldiers died. ';
  const corpus = buildCorpus([{ id: 'table.txt', text: unit.repeat(200_000) }]);
  assert.ok((corpus.sources[0]?.figures.length ?? 0) >= 200_000);
  const [claim] = checkDraft('Roughly 15,000 soldiers died.', corpus);
  assert.equal(claim?.kind, 'figure');
  assert.equal(claim?.status, 'contradicted');
  assert.equal(claim?.verdicts[0]?.evidence?.line, 1);
  assert.equal(claim?.verdicts[0]?.evidence?.wording, 'About 3,000 soldiers');
});
