// Folded text: lower case, one kind of quote and apostrophe, one kind of dash, single spaces. Scare quotes and
// short quotations are looked up in running text this way. No folded copy of a source is kept (it would double
// the memory of the corpus's texts): foldedPattern() matches the folded needle in the text as it is.

export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

/** What each character of a folded string matches in unfolded text: what fold() maps to it. */
const CLASSES: Record<string, string> = {
  "'": "['‘’ʼ`´]",
  '"': '["“”„«»]',
  '-': '[-‐‑‒–—―]',
  ' ': '\\s+',
};

/**
 * A regex that finds an already folded needle in unfolded text: `foldedPattern(n).test(t)` is
 * `fold(t).includes(n)`, except for the few letters whose lower case is two characters ("İ") or that only Unicode
 * case folding equates with an ASCII letter ("ſ"). Built once per needle, run over many texts.
 */
export function foldedPattern(needle: string): RegExp {
  let body = '';
  for (const ch of needle) body += CLASSES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(body, 'iu');
}
