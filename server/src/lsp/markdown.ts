// Source text is untrusted: it goes into hovers only through these helpers. Every character that can start
// Markdown or HTML is backslash-escaped (CommonMark allows it for any ASCII punctuation), so a source can open
// no link, emphasis, code, table cell, raw HTML, entity, math or autolink (':' and '.' and '@' break
// "https://", "www." and e-mail autolinks); line breaks become spaces, so it cannot start a block either.
// Commas, quotes and slashes stay as they are, so figures like 11,000 read normally.

const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:$@^=]/g;

export function escapeMarkdown(text: string): string {
  return text
    // Control characters and line separators are exactly what must not reach the renderer.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(SPECIAL, (c) => `\\${c}`);
}

/** A link destination we build (a file: URI): angle brackets keep parentheses from ending it early. */
export function linkTarget(uri: string): string {
  return `<${uri.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;
}

/** Shortens untrusted text to about `max` characters around [from, to), before escaping. */
export function around(text: string, from: number, to: number, max: number): { before: string; middle: string; after: string } {
  const middle = text.slice(from, to);
  const room = Math.max(0, max - middle.length);
  let before = text.slice(0, from);
  let after = text.slice(to);
  // Cuts never split a surrogate pair (an emoji would turn into a replacement character).
  const low = (s: string, i: number): boolean => /[\uDC00-\uDFFF]/.test(s.charAt(i));
  if (before.length > room / 2) {
    let cut = before.length - Math.floor(room / 2);
    if (low(before, cut)) cut++;
    before = `…${before.slice(cut)}`;
  }
  if (after.length > room / 2) {
    let cut = Math.floor(room / 2);
    if (low(after, cut)) cut--;
    after = `${after.slice(0, cut)}…`;
  }
  return { before, middle, after };
}
