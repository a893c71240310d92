// One string per distinct value across a corpus: news repeats its vocabulary ("soldiers", "in the past week")
// thousands of times, and each repeat sliced or joined from its own text would be a string of its own.

/** Emptied when it grows past this, so a long-lived server's table cannot grow without limit (strings interned
 * before are still valid; they are merely no longer shared with later ones). */
const LIMIT = 500_000;

const table = new Map<string, string>();

/** The one kept string equal to `s` (`s` itself the first time). */
export function intern(s: string): string {
  const hit = table.get(s);
  if (hit !== undefined) return hit;
  if (table.size >= LIMIT) table.clear();
  table.set(s, s);
  return s;
}

/** `intern` for a value that may be null. */
export function internOrNull(s: string | null): string | null {
  return s === null ? null : intern(s);
}
