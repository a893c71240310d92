// A draft's claims: its figures, dates and quotations, with their sentences, before any source is consulted.
// An editor re-reads the draft on every keystroke; with a ParagraphMemo only the paragraphs the edit touched
// (and the few after them whose speakers it may name) are read again, the rest are reused.
import type { CheckOptions, DateMention, Mention, Sentence, Span } from '../types';
import { prepareDraft } from './markdown';
import { findFigures } from './figures';
import { findQuotes } from './quotes';
import { findDates } from '../text/dates';
import { findNumbers } from '../text/numbers';
import { PARAGRAPH_BREAK, splitSentences } from '../text/sentences';
import type { ParagraphMemo } from './paragraph-memo';
import { insideTest, overlapTest } from '../text/span-index';
import { before, earlier, mentionCutoff, numbersCutoff } from './mention-limit';

/** The claims of a draft, before any source is consulted. */
export interface DraftClaims {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  /** Set when the draft gave more claims than one text may (mention-limit.ts): the offset where reading stopped. */
  readTo?: number;
}

/** "as of 29 April", "by March 2014": the date a statistic was read at. */
function snapshotDate(text: string, date: Span): boolean {
  return /\b(?:as of|as at|by)\s*$/i.test(text.slice(Math.max(0, date.start - 8), date.start));
}

/** Sentences and mentions of prose (non-prose already blanked), in text order; `text` is read from `original`. */
function readProse(prose: string, original: string): { sentences: Sentence[]; mentions: Mention[] } {
  const sentences = splitSentences(prose);
  const quotes = findQuotes(prose, sentences);
  const inQuote = overlapTest(quotes);
  const allDates = findDates(prose, sentences).filter((d) => !inQuote(d.start, d.end));
  // In a draft a figure inside a quotation is checked as part of the quotation, not on its own.
  const figures = findFigures(prose, sentences, findNumbers(prose), { exclude: [...allDates, ...quotes], dates: allDates });
  // A date that only says when a figure holds ("as of 29 April", "before April 23") is the figure's time, not a claim.
  const timeOfFigure = new Set<DateMention>();
  for (const f of figures) if (f.when && (f.when.relation !== 'at' || snapshotDate(prose, f.when.date))) timeOfFigure.add(f.when.date);
  const dates = allDates.filter((d) => !timeOfFigure.has(d));
  const mentions: Mention[] = [...figures, ...dates, ...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  // Texts come from the draft itself, not the masked copy.
  for (const m of mentions) m.text = original.slice(m.start, m.end);
  return { sentences, mentions };
}

/** How many paragraphs before a paragraph its claims may read: a pronoun's speaker is looked for up to three
 * sentences back, and every paragraph holds at least one. */
const CONTEXT_PARAGRAPHS = 3;

/** Offsets where each paragraph starts (after the blank lines before it); starts[0] === 0. */
function paragraphStarts(prose: string): number[] {
  const starts = [0];
  const re = new RegExp(PARAGRAPH_BREAK.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(prose)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

const OFFSET_KEYS = new Set(['start', 'end', 'valueStart', 'innerStart', 'innerEnd']);

/** A copy of a mention's plain data with every offset moved by `by` and every sentence number by `sentenceBy`. */
function moved<T>(value: T, by: number, sentenceBy: number): T {
  if (Array.isArray(value)) return (value.some((v) => v !== null && typeof v === 'object') ? value.map((v: unknown) => moved(v, by, sentenceBy)) : value.slice()) as T;
  if (value === null || typeof value !== 'object') return value;
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in from) {
    const v = from[k];
    if (typeof v === 'number') out[k] = OFFSET_KEYS.has(k) ? v + by : k === 'sentence' ? v + sentenceBy : v;
    else out[k] = v !== null && typeof v === 'object' ? moved(v, by, sentenceBy) : v;
  }
  return out as T;
}

const originals = new WeakMap<Mention, Mention>();

/** The mention a memo read once and `m` was moved from: what `m` says is what it says, wherever `m` now stands. */
export function originalOf(m: Mention): Mention {
  return originals.get(m) ?? m;
}

/** The same result as readProse on the whole draft, reusing every paragraph the memo has read in the same context. */
function readByParagraph(prose: string, original: string, memo: ParagraphMemo): { sentences: Sentence[]; mentions: Mention[] } {
  const starts = paragraphStarts(prose);
  const ends = starts.map((_, i) => (i + 1 < starts.length ? (starts[i + 1] as number) : prose.length));
  const ids = starts.map((at, i) => memo.idOf(prose.slice(at, ends[i]), original.slice(at, ends[i])));
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  for (let i = 0; i < starts.length; i++) {
    const context = Math.max(0, i - CONTEXT_PARAGRAPHS);
    const from = starts[context] as number;
    const at = starts[i] as number;
    const to = ends[i] as number;
    const part = memo.claims(ids.slice(context, i + 1), () => {
      const read = readProse(prose.slice(from, to), original.slice(from, to));
      const own = at - from;
      const first = read.sentences.findIndex((s) => s.start >= own);
      const skipped = first < 0 ? read.sentences.length : first;
      return {
        sentences: read.sentences.slice(skipped).map((s) => ({ ...s, start: s.start - own, end: s.end - own })),
        mentions: read.mentions.filter((m) => m.start >= own).map((m) => moved(m, -own, -skipped)),
      };
    });
    const base = sentences.length;
    const placed = memo.place(part, at, base, () => ({
      at,
      base,
      sentences: part.sentences.map((s) => ({ ...s, start: s.start + at, end: s.end + at })),
      mentions: part.mentions.map((m) => {
        const copy = moved(m, at, base);
        originals.set(copy, m);
        return copy;
      }),
    }));
    for (const s of placed.sentences) sentences.push(s);
    for (const m of placed.mentions) mentions.push(m);
  }
  memo.sweep();
  return { sentences, mentions };
}

export function extractClaims(text: string, options: CheckOptions = {}, memo?: ParagraphMemo): DraftClaims {
  const prep = prepareDraft(text, options.language ?? 'markdown');
  // A draft of millions of numbers is read only up to its 200,000th (as a source is): the same text for the whole
  // draft or paragraph by paragraph. The cut is taken from the prose, so that both readings stop at the same place.
  const numberCut = numbersCutoff(prep.prose);
  const prose = numberCut === null ? prep.prose : prep.prose.slice(0, numberCut);
  const read = memo ? readByParagraph(prose, text, memo) : readProse(prose, text);
  const ignored = insideTest(prep.ignoredSpans);
  const mentions = read.mentions.filter((m) => !ignored(m.start, m.end));
  const kept = withoutIgnoredNext(mentions, prep.ignoreNext);
  // And up to its 50,000th claim (see mention-limit.ts).
  const cutoff = earlier(numberCut, mentionCutoff([kept]));
  return cutoff === null ? { text, sentences: read.sentences, mentions: kept } : { text, sentences: read.sentences, mentions: before(kept, cutoff), readTo: cutoff };
}

/** The mentions without the one each `<!-- citecheck-ignore -->` before a claim names: the first mention at or after
 * it that an earlier directive has not taken. Mentions and directives both come in text order, so one pass does it
 * (a search from the start for each directive took time in the square of a draft's size). Exported for its test. */
export function withoutIgnoredNext(mentions: Mention[], ignoreNext: readonly number[]): Mention[] {
  const drop = new Set<number>();
  let j = 0;
  for (const at of ignoreNext) {
    while (j < mentions.length && (mentions[j] as Mention).start < at) j++;
    if (j >= mentions.length) break;
    drop.add(j++);
  }
  return drop.size === 0 ? mentions : mentions.filter((_, i) => !drop.has(i));
}
