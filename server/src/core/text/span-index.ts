// Whether a span overlaps, or lies inside, any of a list of spans, answered in logarithmic time. Asking each of a
// text's mentions against all of its dates, quotations or ignored passages took time in the square of the text's
// size (a 5 MB source of dated figures: 35 s; a 5 MB draft of quoted paragraphs: 15 s).
import type { Span } from '../types';

/** The spans sorted by start, and for each k the furthest end among the first k + 1. (A text's dates and quotations
 * come in text order: they are copied and sorted only when they do not.) */
function byStart(spans: readonly Span[]): { starts: Float64Array; furthest: Float64Array } {
  let ordered = true;
  for (let k = 1; k < spans.length && ordered; k++) ordered = (spans[k - 1] as Span).start <= (spans[k] as Span).start;
  const sorted = ordered ? spans : [...spans].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(sorted.length);
  const furthest = new Float64Array(sorted.length);
  let far = -Infinity;
  for (let k = 0; k < sorted.length; k++) {
    const sp = sorted[k] as Span;
    starts[k] = sp.start;
    furthest[k] = far = Math.max(far, sp.end);
  }
  return { starts, furthest };
}

/** How many of the sorted starts are below x (or at most x, when `orEqual`). */
function countBefore(starts: Float64Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = starts[mid] as number;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A test of whether [s, e) overlaps one of the spans (s < span.end and e > span.start): among the spans that start
 * before e, the furthest end is past s. */
export function overlapTest(spans: readonly Span[] | undefined): (s: number, e: number) => boolean {
  if (!spans || spans.length === 0) return () => false;
  const { starts, furthest } = byStart(spans);
  return (s, e) => {
    const k = countBefore(starts, e, false);
    return k > 0 && (furthest[k - 1] as number) > s;
  };
}

/** A test of whether [s, e) lies inside one of the spans (span.start <= s and e <= span.end): among the spans that
 * start at or before s, the furthest end reaches e. */
export function insideTest(spans: readonly Span[] | undefined): (s: number, e: number) => boolean {
  if (!spans || spans.length === 0) return () => false;
  const { starts, furthest } = byStart(spans);
  return (s, e) => {
    const k = countBefore(starts, s, true);
    return k > 0 && (furthest[k - 1] as number) >= e;
  };
}
