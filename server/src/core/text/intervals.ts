// The true values a stated figure allows (the spec's "Comparing two figures"), as an interval.
import type { NumberMention } from '../types';
import { clean, placeValue } from './number-values';

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/**
 * An exact small count: "58 Democrats", "two soldiers", "846 people" (an integer count, no unit, stated to the unit or
 * below 100). Nobody rounds 58 senators: compareNumbers reads such a bare figure as the point itself, so that "less
 * than 58" is contradicted by "58" and "more than 40" by "40". figureInterval keeps the spec's rounding interval.
 */
export function isExactCount(n: NumberMention): boolean {
  if (n.unit !== null || n.fraction || n.vague || n.isRange) return false;
  if (!Number.isInteger(n.low)) return false;
  return n.precision === 1 || Math.abs(n.low) < 100;
}

/** How far "a little over/under" x reaches: one place value, at most 10% of x. */
function littleMore(x: number, p: number): number {
  return Math.min(p, Math.abs(x) * 0.1) || p;
}

/** Half the rounding of a stated value: ± half its place value, never more than 10%. */
function rounding(value: number, precision: number): number {
  return Math.min(precision / 2, Math.abs(value) * 0.1);
}

const INCLUSIVE_WORDS =
  /\b(?:at least|no fewer than|no less than|not less than|not fewer than|a minimum of|up to|as many as|as much as|at most|no more than|not more than|a maximum of)\b/;
/** "at least", "up to", "3,000 or more": the bound itself is allowed. */
const CEILING_WORDS = /\b(?:up to|as many as|as much as|at most|a maximum of|no more than|not more than)\b/;

function inclusiveBound(n: NumberMention): boolean {
  const words = n.text.slice(0, n.valueStart - n.start).toLowerCase();
  return INCLUSIVE_WORDS.test(words) || /(?:\bor (?:more|fewer|less)|\+|plus)$/i.test(n.text);
}


/**
 * The true values a stated figure allows. A draft's bound is logical ("more than 3,000": above 3,000); a
 * source's bound is read as a journalist means it, close to the figure: "over 1,500" is a little over, less than one
 * place value more, (1500, 1600); "up to 4,000" is a ceiling, [0, 4000]; "under 4,000" [3000, 4000); "nearly 11,000" just
 * below, within one place value and 10%, [10000, 11000). Rounding intervals are half-open: [x - h, x + h).
 */
export function figureInterval(n: NumberMention, role: 'draft' | 'source'): Interval {
  const lo = n.low;
  const hi = n.high;
  let p = n.precision > 0 ? n.precision : placeValue(hi);
  // A percentage is stated to the whole percent at least: "60%" is 59.5..60.5, not 55..65.
  if ((n.unit === 'percent' || n.unit === 'percentage-point') && p > 1) p = 1;
  if (n.vague) return { lo, hi, loOpen: false, hiOpen: true };
  // A stated range allows what it states: "10,000 to 12,000" is [10000, 12000], its ends not rounded outwards.
  if (n.isRange && n.qualifier === 'exact') return { lo, hi, loOpen: false, hiOpen: false };
  const round = (x: number): [number, number] => [clean(x - rounding(x, p)), clean(x + rounding(x, p))];
  const [rlo] = round(lo);
  const [, rhi] = round(hi);
  const inclusive = inclusiveBound(n);
  switch (n.qualifier) {
    case 'exact':
    case 'approximate':
      return { lo: rlo, hi: rhi, loOpen: false, hiOpen: true };
    case 'lower':
      if (role === 'draft') return { lo, hi: Infinity, loOpen: !inclusive, hiOpen: true };
      // "over 1,500": a little over, less than one place value more; had it reached 1,600 the source would say
      // so, hence open at the far end.
      return { lo, hi: clean(Math.max(lo + p, hi)), loOpen: !inclusive, hiOpen: true };
    case 'upper':
      if (role === 'draft') return { lo: -Infinity, hi, loOpen: true, hiOpen: !inclusive };
      // "up to 4,000", "as many as 4,000": a ceiling, anything up to it (the project's labels and the spec's own
      // example, where "more than 3,000" against "up to 4,000" neither confirms nor rules out). "under 4,000",
      // "less than 4,000": a little under, from about one place value below.
      if (CEILING_WORDS.test(n.text.slice(0, n.valueStart - n.start).toLowerCase())) return { lo: Math.min(0, lo), hi, loOpen: false, hiOpen: !inclusive };
      return { lo: clean(Math.min(hi - p, lo)), hi, loOpen: false, hiOpen: !inclusive };
    case 'nearBelow': {
      return { lo: clean(hi - littleMore(hi, p)), hi, loOpen: false, hiOpen: true };
    }
  }
}
