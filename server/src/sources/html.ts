// The article text of an HTML page: no navigation, headers, footers, asides, scripts, styles or forms;
// the <article> (or else <main>) when the page has one; block elements end paragraphs. Every character of
// the text keeps the offset it came from in the HTML, so evidence can point into the real file.
import type { Handler } from 'htmlparser2' with { 'resolution-mode': 'import' };
import type { TextRuns } from './file-map';
import { detached } from './detach';

type Htmlparser2 = typeof import('htmlparser2', { with: { 'resolution-mode': 'import' } });
let loaded: Promise<Htmlparser2> | undefined;
/** htmlparser2 is an ES module; a dynamic import keeps this file CommonJS (esbuild bundles it either way). */
function htmlparser2(): Promise<Htmlparser2> {
  loaded ??= import('htmlparser2');
  return loaded;
}

const DROPPED = new Set([
  'nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form', 'template', 'head', 'svg', 'iframe',
  'button', 'select', 'textarea', 'canvas', 'object', 'dialog',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption',
  'hr', 'br', 'address', 'details', 'summary', 'body', 'html', 'center', 'fieldset', 'legend',
]);

interface Piece {
  /** null: a paragraph break. */
  text: string | null;
  rawStart: number;
  rawEnd: number; // exclusive
  inArticle: boolean;
  inMain: boolean;
}

export interface HtmlArticle {
  text: string;
  title: string | null;
  /** The runs of `text` that follow the HTML linearly: with the page's length, where each offset of `text` lies in the
   * HTML (file-map.ts fileOffset). */
  runs: TextRuns;
}

/** The deepest nesting of elements read. htmlparser2 keeps its open elements in an array it shifts at the front, so
 * each tag costs time in the depth, and a page of unclosed tags (broken HTML, or a hostile file) in the square of
 * its length: 200,000 nested <div>s took 34 s, a 5 MB file would take hours. Real pages nest a few dozen deep. */
export const MAX_HTML_DEPTH = 5000;

/** A page nested deeper than MAX_HTML_DEPTH: it is not read (the loader skips it with this message). */
export class HtmlTooDeepError extends Error {
  constructor() {
    super(`HTML nested deeper than ${MAX_HTML_DEPTH.toLocaleString('en-US')} elements (unclosed tags?)`);
  }
}

function cleanTitle(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Runs of characters that are not white space (as \s has it). */
const WORDS = /\S+/g;

export async function extractHtml(html: string): Promise<HtmlArticle> {
  const { Parser } = await htmlparser2();
  const pieces: Piece[] = [];
  let dropDepth = 0;
  let articleDepth = 0;
  let mainDepth = 0;
  let inTitle = 0;
  let titleText = '';
  let ogTitle: string | null = null;

  const brk = (at: number) => {
    pieces.push({ text: null, rawStart: at, rawEnd: at, inArticle: articleDepth > 0, inMain: mainDepth > 0 });
  };
  // Open elements: every open tag is closed by an event of its own (a void element's at once, an unclosed one's
  // when an ancestor closes), so this follows the parser's own stack.
  let depth = 0;
  const handler: Partial<Handler> = {
    onopentag(name, attrs) {
      if (++depth > MAX_HTML_DEPTH) throw new HtmlTooDeepError();
      if (name === 'title') inTitle++;
      if (name === 'meta') {
        const prop = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (prop === 'og:title' && attrs.content && ogTitle === null) ogTitle = cleanTitle(attrs.content);
      }
      if (DROPPED.has(name)) dropDepth++;
      if (name === 'article') articleDepth++;
      if (name === 'main') mainDepth++;
      if (BLOCK.has(name) && dropDepth === 0) brk(parser.startIndex);
    },
    onclosetag(name) {
      depth--;
      if (name === 'title' && inTitle > 0) inTitle--;
      if (BLOCK.has(name) && dropDepth === 0) brk(parser.startIndex);
      if (DROPPED.has(name) && dropDepth > 0) dropDepth--;
      if (name === 'article' && articleDepth > 0) articleDepth--;
      if (name === 'main' && mainDepth > 0) mainDepth--;
    },
    ontext(data) {
      if (inTitle > 0) titleText += data;
      if (dropDepth > 0 || inTitle > 0) return;
      pieces.push({
        text: data,
        rawStart: parser.startIndex,
        rawEnd: parser.endIndex + 1,
        inArticle: articleDepth > 0,
        inMain: mainDepth > 0,
      });
    },
  };
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();

  const hasText = (p: Piece) => p.text !== null && p.text.trim() !== '';
  let keep: (p: Piece) => boolean = () => true;
  if (pieces.some((p) => p.inArticle && hasText(p))) keep = (p) => p.inArticle;
  else if (pieces.some((p) => p.inMain && hasText(p))) keep = (p) => p.inMain;

  // Build the text: whitespace runs collapse to one space, paragraph breaks become a blank line.
  // segOut[i]..: output offsets where a run mapped linearly to raw offsets segRaw[i] begins.
  let out = '';
  const segOut: number[] = [];
  const segRaw: number[] = [];
  let lastRaw = -2; // raw offset the next output char would have if it continued the current segment
  let pendingSpace = -1; // raw offset of a collapsed whitespace run waiting to be written
  let pendingBreak = -1;
  const emit = (s: string, raw: number, linear: boolean) => {
    if (!linear || raw !== lastRaw) {
      segOut.push(out.length);
      segRaw.push(raw);
    }
    out += s;
    lastRaw = linear ? raw + s.length : -2;
  };
  const flushPending = () => {
    if (out.length === 0) {
      pendingBreak = -1;
      pendingSpace = -1;
      return;
    }
    if (pendingBreak >= 0) emit('\n\n', pendingBreak, false);
    else if (pendingSpace >= 0) emit(' ', pendingSpace, false);
    pendingBreak = -1;
    pendingSpace = -1;
  };
  for (const p of pieces) {
    if (!keep(p)) continue;
    if (p.text === null) {
      if (pendingBreak < 0) pendingBreak = p.rawStart;
      continue;
    }
    const rawLen = p.rawEnd - p.rawStart;
    if (p.text.length !== rawLen) {
      // A decoded entity: all of it maps to where the entity starts.
      if (/^\s+$/.test(p.text)) {
        if (pendingSpace < 0) pendingSpace = p.rawStart;
        continue;
      }
      flushPending();
      emit(p.text, p.rawStart, false);
      continue;
    }
    // Each run of non-space characters is written where it stands; a run of spaces before it becomes one space.
    const t = p.text;
    let end = 0;
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(t); m !== null; m = WORDS.exec(t)) {
      if (m.index > end && pendingSpace < 0) pendingSpace = p.rawStart + end;
      flushPending();
      emit(m[0], p.rawStart + m.index, true);
      end = m.index + m[0].length;
    }
    if (t.length > end && pendingSpace < 0) pendingSpace = p.rawStart + end;
  }

  // The text and the title are made of slices of the page: each gets storage of its own, so that the page can go.
  // The mapping is plain data, not a closure beside this function's, which hold the page's pieces and the parser.
  const title = ogTitle ?? cleanTitle(titleText);
  const runs: TextRuns = { segOut: Int32Array.from(segOut), segRaw: Int32Array.from(segRaw), outLength: out.length };
  return { text: detached(out), title: title === null ? null : detached(title), runs };
}
