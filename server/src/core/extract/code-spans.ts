// Markdown inline code spans, found in time linear in the text. The regex they were found with,
// /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, backtracks through every shorter opener inside a run of backticks that has no
// closer, so a long run took time in its square at each of its positions (200,000 backticks: 46 s).
// This finds the same spans: an opener is a run of backticks, or the rest of a run whose longer openers found no
// closer; its closer is the next whole run of exactly its length (a run is never next to another, so at least
// one other character lies between); a span found, the search goes on after its closer.
import type { Span } from '../types';

export function codeSpans(text: string): Span[] {
  // Every maximal run of backticks: where it starts and how long it is.
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = text.indexOf('`'); i !== -1; ) {
    let j = i + 1;
    while (text.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = text.indexOf('`', j);
  }
  // The runs of each length, as indexes into the lists above, in text order.
  const byLength = new Map<number, number[]>();
  lengths.forEach((n, r) => {
    const list = byLength.get(n);
    if (list === undefined) byLength.set(n, [r]);
    else list.push(r);
  });
  const out: Span[] = [];
  for (let r = 0; r < starts.length; r++) {
    const start = starts[r] as number;
    const n = lengths[r] as number;
    // An opener of n - k backticks starts k into the run; the first (longest) that has a closer wins.
    for (let k = 0; k < n; k++) {
      const closer = firstAfter(byLength.get(n - k), r);
      if (closer === -1) continue;
      out.push({ start: start + k, end: (starts[closer] as number) + (lengths[closer] as number) });
      r = closer;
      break;
    }
  }
  return out;
}

/** The first run in `list` (ascending run indexes) after run `r`, or -1. */
function firstAfter(list: readonly number[] | undefined, r: number): number {
  if (list === undefined) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] as number) : -1;
}
