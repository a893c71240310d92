// A source can give a check tens of thousands of candidate mentions at once (a scraped table, a log pasted into an
// article): nothing may hand them all to one call as arguments (Math.max(...list) threw "Maximum call stack size
// exceeded" past about 120,000). Sources are now read up to 50,000 mentions (mention-limit.ts), so the verifier is
// handed more figures than that directly here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexSource } from '../../server/src/core/corpus/corpus';
import { extractClaims } from '../../server/src/core/check';
import { verifyFigure } from '../../server/src/core/verify/figures';
import type { FigureMention } from '../../server/src/core/types';

test('a draft figure against a source with 200,000 figures of the same quantity gets its verdict', () => {
  const doc = indexSource({ id: 'table.txt', text: 'About 3,000 soldiers died.' });
  doc.figures = Array.from({ length: 200_000 }, () => doc.figures[0] as FigureMention);
  const claim = extractClaims('Roughly 15,000 soldiers died.').mentions[0] as FigureMention;
  const v = verifyFigure(claim, doc);
  assert.equal(v.verdict, 'contradicts');
  assert.equal(v.evidence?.wording, 'About 3,000 soldiers');
});
