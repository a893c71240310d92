// Small helpers on numeric values shared by the number reader, the intervals and the formatting.

/** Round away binary noise: 98.9 * 1e6 is 98900000.00000001. */
export function clean(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  // A half below 1e11 (a rounding interval's end: 74.5) has at most 12 significant digits, which toPrecision(12)
  // writes exactly and Number reads back as itself: it is returned without the round trip through a string.
  if (Number.isInteger(2 * x) && Math.abs(x) < 1e11) return x;
  return Number(x.toPrecision(12));
}

/** Place value of the last non-zero digit of a (non-negative) value. */
export function placeValue(value: number): number {
  const v = Math.abs(value);
  if (v === 0 || !Number.isFinite(v)) return 1;
  let p = Math.pow(10, Math.floor(Math.log10(v)));
  // Walk down until v is a multiple of p (within float noise); at most ~20 steps.
  for (let i = 0; i < 24; i++) {
    const q = v / p;
    if (Math.abs(q - Math.round(q)) < 1e-6) return clean(p);
    p /= 10;
  }
  return clean(p);
}
