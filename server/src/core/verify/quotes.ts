// One draft quotation against one source (see the spec's "Quotes"): normalised word tokens; an
// ellipsis in the draft (or the source) is an omission, a square bracket an editorial insertion of
// similar length; a partial quote is supported by the longer one; the same quotation with words
// changed, added or dropped contradicts (word-level diff); the same words from another speaker
// contradict; scare quotes are supported wherever the source uses the words.
import type { Evidence, QuoteMention, SourceDoc, SourceVerdict } from '../types';
import { bracketWords, quoteNorms, quoteTokens, tokenRange } from '../text/normalize';
import { sentenceIndexAt } from '../corpus/source-sentences';
import { isStopWord } from '../text/terms';
import { sameSpeaker } from '../extract/speakers';
import { evidenceAt } from './evidence';
import { mayHaveAll, wordProbes } from '../corpus/word-filter';
import { signatureOf, wordBit } from '../text/signature';

// ---------------------------------------------------------------------------------------------
// Per-source preparation, memoised

interface PreparedQuote {
  q: QuoteMention;
  /** The quotation's inner words, normalised (interned: equal words are one string across the corpus). Where each
   * stands in the text is worked out again for the few that become evidence (spanEvidence), not kept for all. */
  norms: readonly string[];
  /** The words' signature (text/signature.ts): a word whose bit is not set is not among them. */
  mask: number;
  /** Has an editorial insertion ("[the army]"), which aligns with any word. */
  bracket: boolean;
  /** Has neither an insertion nor an ellipsis: a draft's words match it only where each is one of its words. */
  plain: boolean;
}

interface Prepared {
  quotesRef: readonly QuoteMention[];
  quotes: PreparedQuote[];
}

const cache = new WeakMap<SourceDoc, Prepared>();

/** Drops a source's prepared quotations (see verify/preparations.ts). */
export function forgetPreparedQuotes(doc: SourceDoc): void {
  cache.delete(doc);
}

/** The quotation has the word, whose bit (wordBit) is `bit`. */
function hasWord(pq: PreparedQuote, w: string, bit: number): boolean {
  return (pq.mask & bit) !== 0 && pq.norms.includes(w);
}

/** A draft quotation's word list with each word's bit: the bits are worked out once per claim, not once per source
 * quotation it is compared with. */
interface WordsWithBits {
  words: readonly string[];
  bits: Int32Array;
}

function withBits(words: readonly string[]): WordsWithBits {
  return { words, bits: Int32Array.from(words, wordBit) };
}

/** How many of the words the quotation has. */
function countIn(pq: PreparedQuote, list: WordsWithBits): number {
  let n = 0;
  for (let k = 0; k < list.words.length; k++) if (hasWord(pq, list.words[k] as string, list.bits[k] as number)) n++;
  return n;
}

/** Every piece has a word the quotation has (or an editorial insertion, which matches any). */
function everyPieceMeets(pq: PreparedQuote, pieces: readonly WordsWithBits[]): boolean {
  for (const piece of pieces) {
    let meets = false;
    for (let k = 0; k < piece.words.length && !meets; k++) {
      const w = piece.words[k] as string;
      meets = isBr(w) || hasWord(pq, w, piece.bits[k] as number);
    }
    if (!meets) return false;
  }
  return true;
}

/** A quotation's words as prepare() reads them, by its inner text: news repeats quotations word for word (wire
 * copy, scare quotes), and at 10,000 sources two in five are a repeat. Several sources' quotations share one. */
type QuoteWords = Pick<PreparedQuote, 'norms' | 'mask' | 'bracket' | 'plain'>;

/** Kept for one check (see forgetQuoteWords), and emptied if it grows past WORDS_LIMIT within one (words handed out
 * before stay valid). */
const wordsByInner = new Map<string, QuoteWords>();
const WORDS_LIMIT = 200_000;

/** Drops the quotations' words kept by inner text, at the end of a check: an inner text is a slice of its source's
 * text, and would keep a source that has since been removed or changed alive. Prepared sources keep their own. */
export function forgetQuoteWords(): void {
  wordsByInner.clear();
}

function quoteWords(inner: string): QuoteWords {
  let w = wordsByInner.get(inner);
  if (w === undefined) {
    const norms = quoteNorms(inner);
    const bracket = norms.some(isBr);
    w = { norms, mask: signatureOf(norms), bracket, plain: !bracket && !norms.some(isEll) };
    if (wordsByInner.size >= WORDS_LIMIT) wordsByInner.clear();
    wordsByInner.set(inner, w);
  }
  return w;
}

/** Every word of every piece is one of the quotation's (an editorial insertion in a piece stands for any words). */
function everyWordIn(pq: PreparedQuote, pieces: readonly WordsWithBits[]): boolean {
  for (const piece of pieces) {
    for (let k = 0; k < piece.words.length; k++) {
      const w = piece.words[k] as string;
      if (!isBr(w) && !hasWord(pq, w, piece.bits[k] as number)) return false;
    }
  }
  return true;
}

/** Whether exactIn(pieces, pq.norms) can find the pieces, by their words alone: in a quotation with no insertion or
 * ellipsis of its own every draft word must be one of its words (go() matches such a source token only by
 * equality); in one with an ellipsis but no insertion every piece must have at least one (its first word is matched
 * by equality). A quotation with an insertion of its own ("[the army]") matches the draft's words inside it, which
 * are none of its tokens: it is always searched. (It was ruled out like the others until a property test found
 * "the army . . ." in "[the army]".) */
function mayMatchExactly(pq: PreparedQuote, pieces: readonly WordsWithBits[]): boolean {
  if (pq.bracket) return true;
  return pq.plain ? everyWordIn(pq, pieces) : everyPieceMeets(pq, pieces);
}

function prepare(doc: SourceDoc): Prepared {
  const hit = cache.get(doc);
  if (hit !== undefined && hit.quotesRef === doc.quotes) return hit;
  const quotes = doc.quotes.map((q): PreparedQuote => {
    const { norms, mask, bracket, plain } = quoteWords(q.inner);
    return { q, norms, mask, bracket, plain };
  });
  const p: Prepared = { quotesRef: doc.quotes, quotes };
  cache.set(doc, p);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Exact matching: the draft's pieces, in order, each contiguous, with wildcards for brackets and
// source ellipses.

interface ExactMatch {
  first: number; // first source token matched
  end: number; // one past the last
  sourceOmits: boolean;
}

// Local tests on tokens (hot loops: no calls across modules).
function isEll(w: string): boolean {
  return w === '...';
}
function isBr(w: string): boolean {
  return w.charCodeAt(0) === 91; /* [ */
}

function matchPiece(piece: readonly string[], src: readonly string[], si0: number, budget: { n: number }, flags: { omit: boolean; absorbed: number }): number {
  return go(piece, src, 0, si0, budget, flags);
}

function go(piece: readonly string[], src: readonly string[], pi: number, si: number, budget: { n: number }, flags: { omit: boolean; absorbed: number }): number {
  if (pi === piece.length) return si;
  if (--budget.n < 0) return -1;
  const sn = src[si];
  if (sn === undefined) return -1;
  const d = piece[pi] as string;
  if (isEll(sn)) {
    // The source omits words here: the draft may have some there, but the words on both sides must
    // match, and most of the draft's words must be the source's.
    const nextWord = src[si + 1];
    if (pi === 0 || nextWord === undefined) return -1;
    for (let j = pi; j < piece.length; j++) {
      if (piece[j] !== nextWord) continue;
      if (2 * (flags.absorbed + j - pi) > piece.length) break;
      const r = go(piece, src, j, si + 1, budget, flags);
      if (r >= 0) {
        if (j > pi) flags.omit = true;
        flags.absorbed += j - pi;
        return r;
      }
    }
    return -1;
  }
  if (isBr(d)) {
    // The draft's insertion stands for source words of similar length (one fewer to one more), or for
    // the source's own insertion.
    if (isBr(sn)) {
      const r = go(piece, src, pi + 1, si + 1, budget, flags);
      if (r >= 0) return r;
    }
    const k = bracketWords(d);
    for (let len = Math.max(1, k - 1); len <= k + 1; len++) {
      const t = src[si + len - 1];
      if (t === undefined || isEll(t)) break;
      const r = go(piece, src, pi + 1, si + len, budget, flags);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (isBr(sn)) {
    // The source's own insertion matches the same words in the draft.
    const inner = sn.slice(1, -1).split(' ');
    for (let x = 0; x < inner.length; x++) if (piece[pi + x] !== inner[x]) return -1;
    return go(piece, src, pi + inner.length, si + 1, budget, flags);
  }
  return sn === d ? go(piece, src, pi + 1, si + 1, budget, flags) : -1;
}

function exactIn(pieces: readonly string[][], src: readonly string[]): ExactMatch | null {
  const budget = { n: 20000 };
  const flags = { omit: false, absorbed: 0 };
  let from = 0;
  let first = -1;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p] as string[];
    let found = -1;
    let foundAt = -1;
    for (let si = from; si < src.length; si++) {
      if (isEll(src[si] as string)) continue;
      const e = matchPiece(piece, src, si, budget, flags);
      if (e >= 0) {
        found = e;
        foundAt = si;
        break;
      }
      if (budget.n < 0) return null;
    }
    if (found < 0) return null;
    if (first < 0) first = foundAt;
    from = found;
  }
  return first < 0 ? null : { first, end: from, sourceOmits: flags.omit };
}

// ---------------------------------------------------------------------------------------------
// Near matching: an in-order alignment (LCS) of the draft's words with a source quotation's.

interface Alignment {
  pairs: [number, number][]; // [draft word index, source token index]
  weight: number; // matched weight
  content: number; // matched content words
}

function weightOf(w: string): number {
  return isBr(w) ? 1 : isStopWord(w) ? 0.5 : 1;
}

/** A draft quotation's words as numbers (equal words, equal numbers) and which are editorial insertions: align()
 * compares numbers, not strings, in its inner loop. Made once per draft word list. */
interface DraftCodes {
  index: Map<string, number>;
  code: Int32Array;
  br: Uint8Array;
}
const draftCodes = new WeakMap<readonly string[], DraftCodes>();

function codesOf(draft: readonly string[]): DraftCodes {
  let c = draftCodes.get(draft);
  if (c === undefined) {
    const index = new Map<string, number>();
    const code = new Int32Array(draft.length);
    const br = new Uint8Array(draft.length);
    for (let i = 0; i < draft.length; i++) {
      const w = draft[i] as string;
      let k = index.get(w);
      if (k === undefined) index.set(w, (k = i));
      code[i] = k;
      br[i] = isBr(w) ? 1 : 0;
    }
    draftCodes.set(draft, (c = { index, code, br }));
  }
  return c;
}

function align(draft: readonly string[], dw: Float64Array, src: readonly string[]): Alignment {
  const n = draft.length;
  const m = src.length;
  const { index, code: dCode, br: dBr } = codesOf(draft);
  // A source token that matches: -1 for an ellipsis (matches nothing), -2 for an insertion (matches anything),
  // else the draft's number for the word (-3 when the draft does not have it).
  const sCode = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const t = src[j] as string;
    sCode[j] = isEll(t) ? -1 : isBr(t) ? -2 : (index.get(t) ?? -3);
  }
  // dp[i][j]: best weight aligning draft[i..] with src[j..].
  const W = m + 1;
  const dp = new Float64Array((n + 1) * W);
  const eq = (i: number, j: number): boolean => {
    const c = sCode[j] as number;
    return c !== -1 && (c === -2 || dBr[i] === 1 || c === dCode[i]);
  };
  for (let i = n - 1; i >= 0; i--) {
    const row = i * W;
    const next = row + W;
    const di = dCode[i] as number;
    const anyWord = dBr[i] === 1;
    const wi = dw[i] as number;
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(dp[next + j] as number, dp[row + j + 1] as number);
      const c = sCode[j] as number;
      if (c !== -1 && (c === -2 || anyWord || c === di)) best = Math.max(best, wi + (dp[next + j + 1] as number));
      dp[row + j] = best;
    }
  }
  const pairs: [number, number][] = [];
  let content = 0;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = dp[i * W + j] as number;
    if (eq(i, j) && Math.abs(here - ((dw[i] as number) + (dp[(i + 1) * W + j + 1] as number))) < 1e-9) {
      pairs.push([i, j]);
      const d = draft[i] as string;
      if (!isBr(d) && !isStopWord(d)) content++;
      i++;
      j++;
    } else if (Math.abs(here - (dp[(i + 1) * W + j] as number)) < 1e-9) i++;
    else j++;
  }
  return { pairs, weight: dp[0] as number, content };
}

interface Near {
  pq: PreparedQuote;
  diff: { draft: string; source: string }[];
  /** Draft words beyond the ends of the source's quotation (the source quotes only part). */
  overhang: boolean;
  first: number;
  end: number;
  score: number;
  /** Matched words, and of them content (not stop) words. */
  matched: number;
  content: number;
  same: boolean;
}

/** The share of the draft's word weight that must align for two quotations to be the same one. */
const SAME_COVERAGE = 0.65;

/** An upper bound on the weight align() can give: the draft words the source quotation has (any, if it has an
 * editorial bracket, which matches every word). */
function coverageBound({ words, bits }: WordsWithBits, dw: Float64Array, pq: PreparedQuote): number {
  let ub = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (pq.bracket || isBr(w) || hasWord(pq, w, bits[k] as number)) ub += dw[k] as number;
  }
  return ub;
}

function near(draft: readonly string[], dw: Float64Array, total: number, gapAfter: readonly boolean[], pq: PreparedQuote): Near | null {
  const src = pq.norms;
  const a = align(draft, dw, src);
  if (a.pairs.length === 0) return null;
  const words = (from: number, to: number, list: readonly string[]): string[] =>
    list.slice(from, to).filter((w) => !isBr(w) && !isEll(w));
  const srcWords = (from: number, to: number): string[] => words(from, to, src);
  const diff: { draft: string; source: string }[] = [];
  let unmatchedSource = 0;
  const push = (d: string[], s: string[]): void => {
    if (d.length === 0 && s.length === 0) return;
    diff.push({ draft: d.join(' '), source: s.join(' ') });
    unmatchedSource += s.length;
  };
  const [d0, s0] = a.pairs[0] as [number, number];
  const [dl, sl] = a.pairs[a.pairs.length - 1] as [number, number];
  let overhang = false;
  // Leading draft words: a difference only where the source's quotation has words there too.
  const lead = words(0, d0, draft);
  if (lead.length > 0) {
    const before = srcWords(Math.max(0, s0 - lead.length), s0);
    if (before.length > 0 && !src.slice(Math.max(0, s0 - lead.length), s0).some(isEll)) push(lead, before);
    else overhang = true;
  }
  for (let k = 1; k < a.pairs.length; k++) {
    const [pd, ps] = a.pairs[k - 1] as [number, number];
    const [cd, cs] = a.pairs[k] as [number, number];
    let draftOmits = false;
    for (let x = pd; x < cd; x++) if (gapAfter[x]) draftOmits = true;
    const sourceOmits = src.slice(ps + 1, cs).some(isEll);
    // An ellipsis excuses the other side's words in its gap, not its own side's.
    if (draftOmits && sourceOmits) continue;
    push(sourceOmits ? [] : words(pd + 1, cd, draft), draftOmits ? [] : srcWords(ps + 1, cs));
  }
  const trail = words(dl + 1, draft.length, draft);
  let end = sl + 1;
  if (trail.length > 0) {
    const after = srcWords(sl + 1, sl + 1 + trail.length);
    if (after.length > 0 && !src.slice(sl + 1, sl + 1 + trail.length).some(isEll)) {
      push(trail, after);
      end = Math.min(src.length, sl + 1 + trail.length);
    } else overhang = true;
  }
  let first = s0;
  if (lead.length > 0 && !overhang) first = Math.max(0, s0 - lead.length);
  const coverage = a.weight / Math.max(total, 1e-9);
  const density = a.pairs.length / (a.pairs.length + unmatchedSource);
  const same = a.pairs.length >= 3 && a.content >= 2 && coverage >= SAME_COVERAGE && density >= 0.6;
  return { pq, diff, overhang, first, end, score: a.weight + a.content, matched: a.pairs.length, content: a.content, same };
}

// ---------------------------------------------------------------------------------------------
// The verdict

interface DraftPrep {
  pieces: string[][];
  words: string[];
  gapAfter: boolean[];
  /** Alignment weight of each word: 1 for content words and insertions, 0.5 for stop words. */
  dw: Float64Array;
  /** The sum of dw. */
  total: number;
  /** The pieces and words with their words' bits; the distinct content words, and the distinct words. */
  bits: { pieces: WordsWithBits[]; words: WordsWithBits; content: WordsWithBits; all: WordsWithBits };
  /** The probes (word-filter.ts wordProbes) of the words a source's word filter must hold before the loose regex is
   * worth running. */
  plain: Int32Array;
  /** The words as a regex over running text, built on first need. */
  loose?: RegExp;
}

const L = String.raw`\p{L}\p{M}\p{N}`;
const SEP = String.raw`[^${L}]+`;
const ANY_WORD = String.raw`[${L}]+(?:['\u2019\u02bc][${L}]+)*`;

/** The draft's pieces as a case-insensitive regex over a text: words in order with any non-word
 * characters between them, an insertion as a few words, an ellipsis as a short stretch of the sentence. */
function looseRegex(pieces: readonly string[][]): RegExp {
  const piece = (p: readonly string[]): string =>
    p
      .map((w) => {
        if (isBr(w)) {
          const k = bracketWords(w);
          return `${ANY_WORD}(?:${SEP}${ANY_WORD}){${Math.max(0, k - 2)},${k}}`;
        }
        return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019\u02bc]");
      })
      .join(SEP);
  const body = pieces.map(piece).join(String.raw`(?![${L}])[^\n\r]{1,300}?(?<![${L}])`);
  // No look-behind at the start: a pattern that starts with its first word lets the regex engine skip ahead to
  // that word, where a leading look-behind is tried at every character. looseMatch checks the word boundary.
  return new RegExp(String.raw`${body}(?![${L}])`, 'giu');
}

const WORD_CHAR_BEFORE = new RegExp(String.raw`[${L}]$`, 'u');

/** The first match of the loose regex that starts at a word boundary. */
function looseMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index === 0 || !WORD_CHAR_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

const drafts = new WeakMap<QuoteMention, DraftPrep>();

/** The draft quotation's words, pieces between ellipses and weights, once per claim. */
function prepareDraft(claim: QuoteMention): DraftPrep {
  const hit = drafts.get(claim);
  if (hit !== undefined) return hit;
  const tokens = quoteTokens(claim.inner);
  const pieces: string[][] = [];
  const words: string[] = [];
  const gapAfter: boolean[] = [];
  let cur: string[] = [];
  for (const t of tokens) {
    if (isEll(t)) {
      if (cur.length > 0) pieces.push(cur);
      cur = [];
      if (gapAfter.length > 0) gapAfter[gapAfter.length - 1] = true;
      continue;
    }
    cur.push(t);
    words.push(t);
    gapAfter.push(false);
  }
  if (cur.length > 0) pieces.push(cur);
  const dw = Float64Array.from(words, weightOf);
  const content = [...new Set(words.filter((w, k) => dw[k] === 1 && !isBr(w)))];
  let total = 0;
  for (const w of dw) total += w;
  const plain = wordProbes(words.filter((w) => !isBr(w) && /^[a-z0-9]/.test(w)).join(' '));
  const bits = { pieces: pieces.map(withBits), words: withBits(words), content: withBits(content), all: withBits([...new Set(words)]) };
  const prep = { pieces, words, gapAfter, dw, total, plain, bits };
  drafts.set(claim, prep);
  return prep;
}

/** Whether mayMatchExactly lets a source quotation through, and whether exactIn finds the draft quotation in it, for
 * their inner texts (exported for its test: the first must never be false where the second is true). */
export function exactMatchProbe(draftInner: string, sourceInner: string): { may: boolean; found: boolean } {
  const { pieces, bits } = prepareDraft({ inner: draftInner } as QuoteMention);
  const pq = { ...quoteWords(sourceInner), q: null as unknown as QuoteMention };
  return { may: mayMatchExactly(pq, bits.pieces), found: exactIn(pieces, pq.norms) !== null };
}

function evidenceFor(doc: SourceDoc, start: number, end: number, fallbackSentence: number): Evidence {
  const k = sentenceIndexAt(doc, start);
  return evidenceAt(doc, k >= 0 ? k : fallbackSentence, start, end);
}

function spanEvidence(doc: SourceDoc, pq: PreparedQuote, first: number, end: number, sentence: number): Evidence {
  const last = Math.max(first, end - 1);
  if (last >= pq.norms.length) return evidenceFor(doc, 0, 0, sentence);
  // The same tokens prepare() normalised, now with their offsets in the quotation.
  const at = tokenRange(pq.q.inner, first, last);
  if (at === null) return evidenceFor(doc, 0, 0, sentence);
  return evidenceFor(doc, pq.q.innerStart + at[0], pq.q.innerStart + at[1], sentence);
}

function quoted(s: string): string {
  return `“${s}”`;
}

function describeDiff(diff: readonly { draft: string; source: string }[]): string {
  const parts = diff.slice(0, 3).map((d) => {
    if (d.draft !== '' && d.source !== '') return `${d.draft} → ${d.source}`;
    if (d.draft !== '') return `${quoted(d.draft)} not in source`;
    return `source has ${quoted(d.source)}`;
  });
  return parts.join('; ') + (diff.length > 3 ? '; …' : '');
}

function speakersDiffer(claim: QuoteMention, q: QuoteMention): boolean {
  return !claim.scare && claim.speaker !== null && q.speaker !== null && !sameSpeaker(claim.speaker, q.speaker);
}

export interface VerifyQuoteOptions {
  /** Align quotations that cannot be the same one too, to offer the closest as a hint (default true). */
  hints?: boolean;
}

/** The verdict of one source on one draft quotation. */
export function verifyQuote(claim: QuoteMention, doc: SourceDoc, options: VerifyQuoteOptions = {}): SourceVerdict {
  const source = doc.id;
  const draft = prepareDraft(claim);
  const { pieces, words, gapAfter, dw, bits } = draft;
  if (!words.some((w) => !isBr(w))) return { source, verdict: 'lacks', reason: 'the quotation has no words to check' };
  const p = prepare(doc);
  const short = claim.scare || words.length <= 4;

  // 1. The words as the source quotes them.
  let misattributed: { pq: PreparedQuote; m: ExactMatch } | null = null;
  let otherSpeaker: { pq: PreparedQuote; m: ExactMatch } | null = null;
  for (const pq of p.quotes) {
    if (!mayMatchExactly(pq, bits.pieces)) continue;
    const m = exactIn(pieces, pq.norms);
    if (m === null) continue;
    if (speakersDiffer(claim, pq.q)) {
      // A few words from another speaker: too common to contradict, not enough to support.
      if (words.length >= 4 && misattributed === null) misattributed = { pq, m };
      else if (otherSpeaker === null) otherSpeaker = { pq, m };
      continue;
    }
    const whole = m.first === 0 && m.end >= pq.norms.length;
    const who = pq.q.speaker;
    let reason: string;
    if (claim.scare && who === null) reason = `source uses the words ${quoted(claim.inner.trim())}`;
    else if (whole) reason = who !== null ? `source quotes ${who} with the same words` : 'source quotes the same words';
    else reason = who !== null ? `source quotes ${who} with these words in a longer quotation` : 'source quotes these words in a longer quotation';
    if (m.sourceOmits) reason += ' (the source omits some of them)';
    return { source, verdict: 'supports', reason, evidence: spanEvidence(doc, pq, m.first, m.end, pq.q.sentence) };
  }
  if (misattributed !== null) {
    const { pq, m } = misattributed;
    const to = pq.q.speaker as string;
    return {
      source,
      verdict: 'contradicts',
      reason: `source credits these words to ${to}`,
      evidence: spanEvidence(doc, pq, m.first, m.end, pq.q.sentence),
      creditedTo: to,
    };
  }

  // 2. The same quotation with words changed, added or dropped.
  let best: Near | null = null;
  let bestHint: Near | null = null;
  for (const pq of p.quotes) {
    if (countIn(pq, bits.content) < 2) continue;
    const shared = countIn(pq, bits.all);
    // Fewer than three shared words can only make a hint; without hints the alignment is not worth its cost.
    if (shared < 3 && options.hints === false) continue;
    // Nor is it when the shared words weigh too little to make the same quotation (near()'s coverage test).
    if (options.hints === false && coverageBound(bits.words, dw, pq) < SAME_COVERAGE * draft.total) continue;
    const n = near(words, dw, draft.total, gapAfter, pq);
    if (n === null) continue;
    if (n.content >= 2 && (bestHint === null || n.score > bestHint.score)) bestHint = n;
    if (shared < 3 || !n.same) continue;
    if (best === null || n.score > best.score) best = n;
  }
  if (best !== null && best.diff.length > 0 && !short) {
    const q = best.pq.q;
    const v: SourceVerdict = {
      source,
      verdict: 'contradicts',
      reason: `quotation differs: ${describeDiff(best.diff)}`,
      evidence: spanEvidence(doc, best.pq, best.first, best.end, q.sentence),
      diff: best.diff,
    };
    if (claim.speaker !== null && q.speaker !== null && !sameSpeaker(claim.speaker, q.speaker)) {
      v.creditedTo = q.speaker;
      v.reason += `; source credits the words to ${q.speaker}`;
    }
    return v;
  }

  if (otherSpeaker !== null) {
    const { pq, m } = otherSpeaker;
    return {
      source,
      verdict: 'lacks',
      reason: `source has these words from ${pq.q.speaker as string}, not ${claim.speaker as string}`,
      hint: spanEvidence(doc, pq, m.first, m.end, pq.q.sentence),
    };
  }

  // 3. The words anywhere in the source's text: enough for a scare quote or a title. One regex pass
  // over the text (no per-source word index to keep in memory).
  // A cheap pre-check first: the source's word filter must hold every plain word (the regex matches whole words)
  // before the regex is worth running. For a longer quotation the words outside quotation marks can only make a
  // hint: without hints, skip the scan.
  const scan = short || options.hints !== false;
  // The regex is made on first need (compiling its Unicode classes takes about a millisecond a quotation).
  const lm = scan && mayHaveAll(doc.words, draft.plain) ? looseMatch(draft.loose ?? (draft.loose = looseRegex(pieces)), doc.text) : null;
  if (lm !== null) {
    const ev = evidenceFor(doc, lm.index, lm.index + lm[0].length, 0);
    if (short) {
      return { source, verdict: 'supports', reason: `source uses the words ${quoted(ev.wording)}`, evidence: ev };
    }
    return { source, verdict: 'lacks', reason: 'source has these words, but not as a quotation', hint: ev };
  }

  // 4. Nothing close.
  const v: SourceVerdict = { source, verdict: 'lacks', reason: short ? 'source does not use these words' : 'source does not quote these words' };
  const h = best ?? bestHint;
  if (h !== null && h.diff.length === 0 && h.overhang && h.matched >= 3) v.reason = 'source quotes only part of these words';
  if (h !== null) v.hint = spanEvidence(doc, h.pq, h.first, h.end, h.pq.q.sentence);
  return v;
}
