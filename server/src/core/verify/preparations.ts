// What verifying claims against a source works out once and keeps for the next claim: its quotations' words, its
// dated segments, its figures' intervals, the evidence of its figures and dates. An editor keeps them, so a re-checked claim costs only
// its comparisons; a one-shot check drops each source's once every claim has been verified against it, so they
// are never all alive at once (at 10,000 sources they would hold more memory than the texts).
import type { SourceDoc } from '../types';
import { figureObjects, forgetFigureObjects } from '../corpus/figure-table';
import { forgetSourceInterval } from './compare-numbers';
import { forgetDatedSegments } from './dates';
import { forgetEvidence } from './evidence';
import { forgetFigure } from './figures';
import { forgetPreparedQuotes, forgetQuoteWords } from './quotes';

export function forgetPreparations(doc: SourceDoc): void {
  forgetPreparedQuotes(doc);
  forgetDatedSegments(doc);
  forgetEvidence(doc);
  for (const f of figureObjects(doc)) {
    forgetFigure(f);
    forgetSourceInterval(f.number);
  }
  forgetFigureObjects(doc);
}

/** Drops what one check shared across its sources' preparations (a check's sources are prepared within it). */
export function endCheck(): void {
  forgetQuoteWords();
}
