// Folded text: lower case, one kind of quote and apostrophe, one kind of dash, single spaces. Used for plain
// substring look-ups (scare quotes, pre-checks before a costlier regex); cached once per source document.
const folded = new WeakMap<object, string>();

export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

/** The folded text of a document, computed on first need. */
export function foldedText(doc: { text: string }): string {
  let t = folded.get(doc);
  if (t === undefined) {
    t = fold(doc.text);
    folded.set(doc, t);
  }
  return t;
}
