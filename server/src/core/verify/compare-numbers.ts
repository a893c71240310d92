// Comparing two stated figures for the same quantity (spec: "Comparing two figures"), in the spec's order:
// 1. same anchor, 2. disjoint intervals, 3. the source's interval inside the draft's, 4. partial overlap.
import type { NumberMention, Qualifier } from '../types';
import { figureInterval, isExactCount, type Interval } from '../text/intervals';

export type NumberComparison = {
  verdict: 'supports' | 'contradicts' | 'lacks';
  rule: 'same-anchor' | 'opposite-directions' | 'disjoint' | 'inside' | 'partial-overlap' | 'incomparable';
};

/** +1 for a lower bound (the truth is above), -1 for an upper bound or "nearly" (below), 0 otherwise. */
function direction(q: Qualifier): number {
  if (q === 'lower') return 1;
  if (q === 'upper' || q === 'nearBelow') return -1;
  return 0;
}

function same(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function isPoint(i: Interval): boolean {
  return same(i.lo, i.hi);
}

function contains(i: Interval, x: number): boolean {
  const aboveLo = same(x, i.lo) ? !i.loOpen : x > i.lo;
  const belowHi = same(x, i.hi) ? !i.hiOpen : x < i.hi;
  return aboveLo && belowHi;
}

/** Do the intervals share more than a touching end? A point shares only if the other holds it. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  if (isPoint(a) && isPoint(b)) return same(a.lo, b.lo);
  if (isPoint(a)) return contains(b, a.lo);
  if (isPoint(b)) return contains(a, b.lo);
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo < hi && !same(lo, hi);
}

/** Is `inner` a subset of `outer`? */
export function intervalInside(inner: Interval, outer: Interval): boolean {
  const loOk = same(inner.lo, outer.lo) ? !outer.loOpen || inner.loOpen : inner.lo > outer.lo;
  const hiOk = same(inner.hi, outer.hi) ? !outer.hiOpen || inner.hiOpen : inner.hi < outer.hi;
  return loOk && hiOk;
}

/** The interval a comparison uses: a bare exact count ("58 Democrats") is the point itself, else figureInterval. */
function comparisonInterval(n: NumberMention, role: 'draft' | 'source'): Interval {
  // A source figure meets every draft figure of its quantity, and a draft figure every candidate source: once each.
  const memo = role === 'draft' ? draftIntervals : sourceIntervals;
  let i = memo.get(n);
  if (i === undefined) {
    i = n.qualifier === 'exact' && isExactCount(n) ? { lo: n.low, hi: n.low, loOpen: false, hiOpen: false } : figureInterval(n, role);
    memo.set(n, i);
  }
  return i;
}
const draftIntervals = new WeakMap<NumberMention, Interval>();
const sourceIntervals = new WeakMap<NumberMention, Interval>();

/** Drops the interval worked out for a source's number (see verify/preparations.ts). */
export function forgetSourceInterval(n: NumberMention): void {
  sourceIntervals.delete(n);
}

/** Both name the same number (or the same range) in the same unit. */
function sameAnchor(a: NumberMention, b: NumberMention): boolean {
  if (a.vague || b.vague || a.isRange !== b.isRange) return false;
  return same(a.low, b.low) && same(a.high, b.high);
}

/** Can the two figures measure the same kind of quantity at all? */
function comparable(a: NumberMention, b: NumberMention): boolean {
  return a.unit === b.unit && a.fraction === b.fraction && a.yearLike === b.yearLike;
}

/**
 * The verdict of a source's figure on a draft's figure for the same quantity. The caller has already decided
 * that both count the same thing in the same scope; this looks only at the values and their qualifiers.
 */
export function compareNumbers(draft: NumberMention, source: NumberMention): NumberComparison {
  if (!comparable(draft, source)) return { verdict: 'lacks', rule: 'incomparable' };

  // 1. Same anchor: "more than 3,000" / "roughly 3,000", "a thousand" / "over 1,000".
  if (sameAnchor(draft, source)) {
    const dd = direction(draft.qualifier);
    const ds = direction(source.qualifier);
    if (dd * ds < 0) return { verdict: 'contradicts', rule: 'opposite-directions' };
    // An exact count is not a rounded anchor: "less than 58" against "58 Democrats" is settled by the values.
    const exactAgainstBound =
      (dd !== 0 && source.qualifier === 'exact' && isExactCount(source)) ||
      (ds !== 0 && draft.qualifier === 'exact' && isExactCount(draft));
    if (!exactAgainstBound) return { verdict: 'supports', rule: 'same-anchor' };
  }

  const d = comparisonInterval(draft, 'draft');
  const s = comparisonInterval(source, 'source');
  // 2. Disjoint (touching counts as disjoint).
  if (!intervalsOverlap(d, s)) return { verdict: 'contradicts', rule: 'disjoint' };
  // 3. The source's interval inside the draft's.
  if (intervalInside(s, d)) return { verdict: 'supports', rule: 'inside' };
  // 4. Partial overlap with different anchors.
  return { verdict: 'lacks', rule: 'partial-overlap' };
}
