// Strings the loader keeps (a title, a front matter field, an article's text) are often slices of the whole file or
// made of such slices, and V8 keeps the whole file alive for as long as a slice of it is: a 30-character <title>
// held a 170 KB page. These give each kept string storage of its own.

/** `s`, in storage of its own: not a slice of a longer string, and not a chain of pieces. */
export function detached(s: string): string {
  // Slicing first flattens the joined string into a new one; the slice shares only that.
  return s.length === 0 ? s : (s + ' ').slice(0, -1);
}
