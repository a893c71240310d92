// How many figures, dates and quotations one text may give. A real article holds a few hundred (a dense 5 MB
// report about 20,000); a file of bare numbers holds millions, and its figures alone took 1 GB and 16 s to index,
// and as a draft ran the CLI out of memory. A text with more is read up to the mention that passes the limit: the
// caller is told where reading stopped, and says so.
import type { Mention } from '../types';
import { findNumbers } from '../text/numbers';

export const MAX_MENTIONS = 50_000;

/** How many numbers a source is read for before its figures are found: more numbers than figures are common (years,
 * numbers in names), so the cut is well past MAX_MENTIONS, where a text of bare numbers still stops early. */
export const MAX_NUMBERS = 4 * MAX_MENTIONS;

/** Where reading of a text stops: the start of its (limit + 1)-th mention in text order, or null when it has no more
 * than `limit`. */
export function mentionCutoff(lists: readonly (readonly Mention[])[], limit = MAX_MENTIONS): number | null {
  let total = 0;
  for (const l of lists) total += l.length;
  if (total <= limit) return null;
  const starts = new Float64Array(total);
  let k = 0;
  for (const l of lists) for (const m of l) starts[k++] = m.start;
  starts.sort();
  return starts[limit] as number;
}

/** The earlier of two cut-offs (null: none). */
export function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/** The mentions that start before `cutoff` (all of them when it is null). */
export function before<M extends Mention>(list: M[], cutoff: number | null): M[] {
  return cutoff === null ? list : list.filter((m) => m.start < cutoff);
}

/** Where a draft's reading stops for its numbers: the start of its (MAX_NUMBERS + 1)-th, or null. A text shorter
 * than MAX_NUMBERS characters cannot have that many (each number and the space after it take two), and is not
 * scanned for them. */
export function numbersCutoff(text: string): number | null {
  return text.length <= MAX_NUMBERS ? null : cutOfNumbers(findNumbers(text, MAX_NUMBERS));
}

/** Where the numbers findNumbers(text, MAX_NUMBERS) found cut the text: the start of the one past the limit, or
 * null when there is none. */
export function cutOfNumbers(numbers: readonly { start: number }[]): number | null {
  return numbers.length > MAX_NUMBERS ? (numbers[MAX_NUMBERS] as { start: number }).start : null;
}
