// Verifies one date claim against one source. A date is a claim about the event in its sentence: find the
// source's dated sentences about the same event (content words shared with the draft's clause, date words
// left out), then compare the two dates at the granularity both state.
//
// Contradiction is conservative: two events in one story each have their own date, so only a strong event
// match may contradict; a weaker one may support (same date) or becomes a hint.
import type { DateMention, SourceDoc, SourceVerdict } from '../types';
import { datesBySentence, findDates, holidayDate } from '../text/dates';
import { canonical, isStopWord } from '../text/terms';
import { evidenceAt, mentionEvidence, mentionReason } from './evidence';
import { sentenceCount, sentenceSpan } from '../corpus/source-sentences';
import { signatureOf, wordBit } from '../text/signature';
import { scanWords, wordsByRegex } from '../text/words';
import { WordTable } from '../text/word-table';

// ---------------------------------------------------------------------------------------------
// Comparing two dates

export type DateComparison = 'supports' | 'contradicts' | 'unsettled';

interface DateKey {
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
  holiday: string | null;
  part: 'early' | 'mid' | 'late' | null;
  /** 'past' for last / this past, 'this', 'next'. */
  rel: 'past' | 'this' | 'next' | null;
  /** week / weekend / month / year for the vague relatives ("last week", "earlier this year"). */
  unit: string | null;
}

function keyOf(d: DateMention): DateKey {
  let month = d.month;
  let day = d.day;
  if (d.holiday !== null && month === null) ({ month, day } = holidayDate(d.holiday));
  const rel = d.relative === null ? null : d.relative === 'last' || d.relative === 'this past' ? 'past' : d.relative === 'next' ? 'next' : 'this';
  let unit: string | null = null;
  if (d.relative !== null && month === null && d.weekday === null && d.holiday === null && d.year === null) {
    unit = /\b(weekend|week|month|year)\b/i.exec(d.text)?.[1]?.toLowerCase() ?? 'unknown';
  }
  return { year: d.year, month, day, weekday: d.weekday, holiday: d.holiday, part: d.part, rel, unit };
}

/** Day of the week (0 = Sunday) of a full calendar date, else null. */
function weekdayOf(k: DateKey): number | null {
  if (k.year === null || k.month === null || k.day === null) return null;
  return new Date(Date.UTC(k.year, k.month - 1, k.day)).getUTCDay();
}

const YEAR_PART: Record<string, [number, number]> = { early: [1, 4], mid: [4, 9], late: [9, 12] };
const MONTH_PART: Record<string, [number, number]> = { early: [1, 10], mid: [9, 21], late: [20, 31] };

function inRange(v: number, r: [number, number] | undefined): boolean {
  return r === undefined || (v >= r[0] && v <= r[1]);
}

/** Parts that cannot overlap: early against late (mid touches both). */
function partsClash(a: string, b: string): boolean {
  return (a === 'early' && b === 'late') || (a === 'late' && b === 'early');
}

/**
 * How source date `b` bears on draft date `a`, both read as stated:
 * - contradicts: some component both state differs (year, month, day, weekday, holiday, last vs next, a
 *   month outside "late 2024", ...);
 * - supports: no clash and the source states (or implies) everything the draft states ("2024" by "June
 *   2024", "late 2024" by "December 2024", "on Christmas" by "December 25");
 * - unsettled: no clash but the source is vaguer or not comparable ("on Friday" against "December 23";
 *   "December 23, 2024" against "December 23"; anything against "last week").
 */
export function compareDates(draft: DateMention, source: DateMention): DateComparison {
  const a = keyOf(draft);
  const b = keyOf(source);
  // Vague relatives ("earlier this week", "last year") compare only with the same words.
  if (a.unit !== null || b.unit !== null) return a.unit === b.unit && a.rel === b.rel ? 'supports' : 'unsettled';

  if (a.holiday !== null && b.holiday !== null && a.holiday !== b.holiday) return 'contradicts';
  if (a.rel !== null && b.rel !== null && a.rel !== b.rel && a.rel !== 'this' && b.rel !== 'this') return 'contradicts';
  if (a.year !== null && b.year !== null && a.year !== b.year) return 'contradicts';
  if (a.month !== null && b.month !== null && a.month !== b.month) return 'contradicts';
  if (a.day !== null && b.day !== null && a.day !== b.day) return 'contradicts';
  const aw = a.weekday ?? weekdayOf(a);
  const bw = b.weekday ?? weekdayOf(b);
  if (aw !== null && bw !== null && aw !== bw) return 'contradicts';
  // Parts: "late 2024" against a month, "late December" against a day, early against late.
  if (a.part !== null && b.part !== null && (a.month === null) === (b.month === null) && partsClash(a.part, b.part)) {
    return 'contradicts';
  }
  for (const [p, q] of [[a, b], [b, a]] as const) {
    if (p.part === null) continue;
    if (p.month === null && q.month !== null && q.part === null && !inRange(q.month, YEAR_PART[p.part])) return 'contradicts';
    if (p.month !== null && q.day !== null && !inRange(q.day, MONTH_PART[p.part])) return 'contradicts';
  }

  let entailed = true;
  if (a.year !== null && b.year === null) entailed = false;
  if (a.month !== null && b.month === null) entailed = false;
  if (a.day !== null && b.day === null) entailed = false;
  if (a.weekday !== null && bw === null) entailed = false;
  if (a.holiday !== null && b.holiday !== a.holiday && (a.day === null || b.day !== a.day || b.month !== a.month)) entailed = false;
  if (a.part !== null && b.part !== a.part) {
    if (a.month === null ? b.month === null : b.day === null) entailed = false;
  }
  if (a.year === null && a.month === null && a.day === null && aw === null && a.holiday === null) entailed = false;
  return entailed ? 'supports' : 'unsettled';
}

// ---------------------------------------------------------------------------------------------
// Event terms

// Words that say nothing about which event: hedges and date words (dates are compared separately).
const EXTRA_STOP = new Set(
  (
    'approximately roughly nearly almost around approx likely recently recent currently now just alone ' +
    'week weeks weekend month months year years day days today yesterday tomorrow earlier later last past next ' +
    'early late mid end beginning start middle ago time date eve ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday christmas thanksgiving easter halloween'
  ).split(/\s+/),
);

// Demonyms and capitals, so that "Ukrainian" = "Ukraine" and "Moscow" = "Russia" (British spellings are read as
// American by canonical() in terms.ts).
// (Candidates for terms.ts, where figure matching would profit too.)
const NORMALISE = new Map<string, string>([
  ['ukrainian', 'ukraine'], ['russian', 'russia'], ['korean', 'korea'], ['american', 'america'], ['chinese', 'china'],
  ['iranian', 'iran'], ['israeli', 'israel'], ['british', 'britain'], ['european', 'europe'], ['syrian', 'syria'],
  ['palestinian', 'palestine'], ['german', 'germany'], ['french', 'france'], ['japanese', 'japan'], ['indian', 'india'],
  ['pakistani', 'pakistan'], ['turkish', 'turkey'], ['polish', 'poland'], ['belarusian', 'belarus'],
  // Capitals and seats of power stand for their countries in news prose: "Moscow and Pyongyang signed".
  ['moscow', 'russia'], ['kremlin', 'russia'], ['pyongyang', 'korea'], ['kyiv', 'ukraine'], ['kiev', 'ukraine'],
  ['seoul', 'korea'], ['beijing', 'china'], ['tehran', 'iran'], ['berlin', 'germany'], ['paris', 'france'],
  ['tokyo', 'japan'], ['ankara', 'turkey'], ['minsk', 'belarus'], ['warsaw', 'poland'],
]);

const PLACES = new Set(NORMALISE.values());

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

// News vocabulary repeats: each word's term is kept by word (bounded, emptied when full).
const TERMS = new WordTable<string | null>((word) => {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  if (w.length < 2 || isStopWord(w) || EXTRA_STOP.has(w)) return null;
  const c = canonical(NORMALISE.get(w) ?? w);
  return NORMALISE.get(c) ?? c;
}, 50_000);

/** Event words (lower-case in the text, or the sentence's first word) and entity words (capitalised). */
interface Terms {
  event: Set<string>;
  entity: Set<string>;
}

/** The terms of a stretch of source text, event and entity alike: a plain array with a 30-bit signature, several
 * times smaller than a Set (a corpus holds one for every dated segment). */
interface TermSet {
  terms: string[];
  mask: number;
}

function termSet(t: Terms): TermSet {
  const terms = [...t.event, ...t.entity];
  return { terms, mask: signatureOf(terms) };
}

/** A draft context's terms with their bits, read against many TermSets. */
interface DraftTerms {
  event: string[];
  eventBits: number[];
  entity: string[];
  entityBits: number[];
}

function draftTerms(t: Terms): DraftTerms {
  const event = [...t.event];
  const entity = [...t.entity];
  return { event, eventBits: event.map(wordBit), entity, entityBits: entity.map(wordBit) };
}

/** Source terms to match against: src[from, to), with their signature. */
interface TermsAt {
  src: readonly string[];
  from: number;
  to: number;
  mask: number;
}

function has(at: TermsAt, t: string): boolean {
  for (let j = at.from; j < at.to; j++) if (at.src[j] === t) return true;
  return false;
}

/** How many of the terms the source terms have. */
function shared(terms: readonly string[], bits: readonly number[], at: TermsAt): number {
  let n = 0;
  for (let i = 0; i < terms.length; i++) if ((at.mask & (bits[i] as number)) !== 0 && has(at, terms[i] as string)) n++;
  return n;
}

function whole(t: TermSet): TermsAt {
  return { src: t.terms, from: 0, to: t.terms.length, mask: t.mask };
}

type Span = readonly [number, number];

/** The word at `at` is capitalised: its first character changes when lower-cased (read by code for ASCII, which
 * most words are). */
function capitalisedAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text.charAt(at);
  return c !== c.toLowerCase();
}

/** Terms of text[from, to), skipping the given spans (the dates). */
function termsIn(text: string, from: number, to: number, skip: readonly Span[], firstWord: number): Terms {
  const event = new Set<string>();
  const entity = new Set<string>();
  const add = (t: string | null, at: number): void => {
    if (t === null) return;
    // A capitalised word is a name; the sentence's first word only when it is a known place or people.
    if (capitalisedAt(text, at) && (at !== firstWord || PLACES.has(t))) entity.add(t);
    else event.add(t);
  };
  const skipped = (at: number): boolean => {
    for (const [s, e] of skip) if (at >= s && at < e) return true;
    return false;
  };
  // Words found by code (text/words.ts); past an astral character, the whole stretch again by the regex.
  if (!scanWords(text, from, to, true, (at, end, hash) => skipped(at) || add(TERMS.at(text, at, end, hash), at))) {
    event.clear();
    entity.clear();
    wordsByRegex(WORD, text, from, to, (word, at) => skipped(at) || add(TERMS.of(word), at));
  }
  for (const t of event) entity.delete(t);
  return { event, entity };
}

const SEPARATOR = /,(?!\d)|[;:()]|\s[—–-]\s|[—–]|\s(?:and|but|while|whereas|since|after|before|when|because|as|following|although|though|which|who|where|that|so)\s/gi;

/** Characters past the window the regex is given: a match that ends inside the window looks one character beyond
 * it (`,(?!\d)`), and 12 also holds the longest alternative, " following ", whole. */
const SEPARATOR_REACH = 12;

/** Offsets of clause separators in text[from, to): [start, end] pairs. The regex runs over the window and the few
 * characters a match starting in it can read: run on the whole text it read on to the next separator however far,
 * from every date of a text without commas (a 40,000-character source of dated clauses: 150 ms, 12 times its
 * 10,000-character half). */
export function separators(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const part = text.slice(from, Math.min(text.length, to + SEPARATOR_REACH));
  SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEPARATOR.exec(part)) !== null && m.index + from < to) {
    const start = m.index + from;
    if (start + m[0].length <= to) out.push([start, start + m[0].length]);
  }
  return out;
}

/**
 * The part of a sentence [from, to) that belongs to its i-th date when the sentence holds several: up to
 * the last clause separator between this date and its neighbours ("X signed the pact in June, | and
 * troops arrived in October"), or the midpoint of the gap when there is none.
 */
function segmentOf(text: string, from: number, to: number, dates: readonly Span[], i: number): Span {
  const cut = (left: Span, right: Span): number => {
    const seps = separators(text, left[1], right[0]);
    const last = seps[seps.length - 1];
    return last !== undefined ? last[0] : (left[1] + right[0]) >> 1;
  };
  const prev = dates[i - 1];
  const cur = dates[i] as Span;
  const next = dates[i + 1];
  return [prev ? cut(prev, cur) : from, next ? cut(cur, next) : to];
}

/** The clause around a date inside [from, to): from the separator before it to the one after. */
function clauseOf(text: string, from: number, to: number, date: Span): Span {
  let s = from;
  for (const sep of separators(text, from, date[0])) s = sep[1];
  const after = separators(text, date[1], to)[0];
  return [s, after !== undefined ? after[0] : to];
}

/** The date's clause and the clauses on either side ("the incursion, | which began last August, | has prompted"). */
function clauseWithNeighbours(text: string, from: number, to: number, date: Span): Span {
  // ", which" is one break, not two.
  const merge = (seps: Span[]): Span[] => {
    const out: Span[] = [];
    for (const sp of seps) {
      const last = out[out.length - 1];
      if (last && /^\s*$/.test(text.slice(last[1], sp[0]))) out[out.length - 1] = [last[0], sp[1]];
      else out.push(sp);
    }
    return out;
  };
  const before = merge(separators(text, from, date[0]));
  const after = merge(separators(text, date[1], to));
  const start = before.length >= 2 ? (before[before.length - 2] as Span)[1] : from;
  const end = after.length >= 2 ? (after[1] as Span)[0] : to;
  return [start, end];
}

function firstWordAt(text: string, from: number): number {
  WORD.lastIndex = from;
  const m = WORD.exec(text);
  return m ? m.index : -1;
}

// ---------------------------------------------------------------------------------------------
// Per-source index, built once per SourceDoc

/**
 * A source's dated segments, one per date, as columns rather than an object each: a corpus of 10,000 sources holds
 * about 170,000 of them, and an editor keeps them all (as objects they took twice the memory).
 */
interface DatedSegments {
  /** Segment k's date. */
  mention: DateMention[];
  /** Segment k's terms (event and entity words of its part of the sentence) are terms[termStart[k], termStart[k + 1]). */
  terms: string[];
  termStart: Int32Array;
  /** Segment k's terms' signature (text/signature.ts). */
  mask: Int32Array;
  /** Per segment, INFO_FIELDS numbers: its sentence; where the date's own clause is (from, to: a contradiction must
   * name the event there, not elsewhere in a long sentence; its terms are read when a contradiction needs them,
   * not kept); 1 for a snapshot ("As of 29 April": the date a statistic was read, not the date of an event). */
  info: Int32Array;
}

const INFO_FIELDS = 4;
const SENTENCE = 0;
const CLAUSE_FROM = 1;
const CLAUSE_TO = 2;
const SNAPSHOT = 3;

function segmentCount(d: DatedSegments): number {
  return d.mention.length;
}

/** Segment k's terms, written into `at` (one object for every segment a verdict reads: it is read before the next). */
function segmentTerms(d: DatedSegments, k: number, at: { -readonly [K in keyof TermsAt]: TermsAt[K] }): TermsAt {
  at.src = d.terms;
  at.from = d.termStart[k] as number;
  at.to = d.termStart[k + 1] as number;
  at.mask = d.mask[k] as number;
  return at;
}

interface DocIndex {
  dated: DatedSegments;
  /** Terms of every sentence, filled on first need (for hints). */
  sentenceTerms: TermSet[] | null;
  /** Term -> the sentences that have it, filled with sentenceTerms. */
  byTerm: Map<string, number[]> | null;
}

const INDEX = new WeakMap<SourceDoc, DocIndex>();

/** Drops a source's dated segments (see verify/preparations.ts). */
export function forgetDatedSegments(doc: SourceDoc): void {
  INDEX.delete(doc);
}

function spansOf(dates: readonly DateMention[]): Span[] {
  return dates.map((d): Span => [d.start, d.end]);
}

/** Where a dated sentence starts (where its first date starts if the sentence is unknown). */
function sentenceStart(doc: SourceDoc, sentence: number, dates: readonly DateMention[]): number {
  const s = sentenceSpan(doc, sentence);
  return s ? s[0] : dates.reduce((m, d) => Math.min(m, d.start), Infinity);
}

/** The dates of segment k's sentence, in text order: indexOf lists each sentence's dates together, one segment each,
 * so they are the run of segments around k with its sentence number. (Filtering all the source's dates for each
 * contradicting segment took time in the square of a source's dates: 1.3 s for one draft date against a 640 KB
 * source of dated sentences.) */
function sentenceDates(dated: DatedSegments, k: number): DateMention[] {
  const sentence = dated.info[k * INFO_FIELDS + SENTENCE] as number;
  let from = k;
  while (from > 0 && dated.info[(from - 1) * INFO_FIELDS + SENTENCE] === sentence) from--;
  let to = k + 1;
  while (to < segmentCount(dated) && dated.info[to * INFO_FIELDS + SENTENCE] === sentence) to++;
  return dated.mention.slice(from, to);
}

/** The terms of a dated segment's own clause, read again when a contradiction needs them (kept for every segment,
 * they would double the memory of the date preparations). Only the dates of the segment's sentence are looked at. */
function clauseTerms(doc: SourceDoc, dated: DatedSegments, k: number): TermsAt {
  const sentence = dated.info[k * INFO_FIELDS + SENTENCE] as number;
  const list = sentenceDates(dated, k);
  const from = dated.info[k * INFO_FIELDS + CLAUSE_FROM] as number;
  const to = dated.info[k * INFO_FIELDS + CLAUSE_TO] as number;
  return whole(termSet(termsIn(doc.text, from, to, spansOf(list), firstWordAt(doc.text, sentenceStart(doc, sentence, list)))));
}

function indexOf(doc: SourceDoc): DocIndex {
  const cached = INDEX.get(doc);
  if (cached) return cached;
  const bySentence = datesBySentence(doc.dates);
  const mention: DateMention[] = [];
  const terms: string[] = [];
  const termStart: number[] = [];
  const mask: number[] = [];
  const info: number[] = [];
  for (const [si, list] of bySentence) {
    const s = sentenceSpan(doc, si);
    const from = sentenceStart(doc, si, list);
    const to = s ? s[1] : list.reduce((m, d) => Math.max(m, d.end), -Infinity);
    const spans = spansOf(list);
    const first = firstWordAt(doc.text, from);
    list.forEach((d, i) => {
      const [a, b] = segmentOf(doc.text, from, to, spans, i);
      const [ca, cb] = clauseWithNeighbours(doc.text, a, b, [d.start, d.end]);
      const snapshot = /\b(?:as of|as at|by)\s*$/i.test(doc.text.slice(Math.max(from, d.start - 10), d.start));
      const own = termSet(termsIn(doc.text, a, b, spans, first));
      mention.push(d);
      termStart.push(terms.length);
      for (const t of own.terms) terms.push(t);
      mask.push(own.mask);
      info.push(si, ca, cb, snapshot ? 1 : 0);
    });
  }
  termStart.push(terms.length);
  const dated: DatedSegments = { mention, terms, termStart: Int32Array.from(termStart), mask: Int32Array.from(mask), info: Int32Array.from(info) };
  const idx: DocIndex = { dated, sentenceTerms: null, byTerm: null };
  INDEX.set(doc, idx);
  return idx;
}

function sentenceTerms(doc: SourceDoc, idx: DocIndex): TermSet[] {
  if (idx.sentenceTerms === null) {
    const bySentence = datesBySentence(doc.dates);
    idx.sentenceTerms = [];
    for (let i = 0; i < sentenceCount(doc); i++) {
      const [from, to] = sentenceSpan(doc, i) as [number, number];
      idx.sentenceTerms.push(termSet(termsIn(doc.text, from, to, spansOf(bySentence.get(i) ?? []), firstWordAt(doc.text, from))));
    }
    const byTerm = new Map<string, number[]>();
    idx.sentenceTerms.forEach(({ terms }, i) => {
      for (const t of terms) {
        const list = byTerm.get(t);
        if (list) list.push(i);
        else byTerm.set(t, [i]);
      }
    });
    idx.byTerm = byTerm;
  }
  return idx.sentenceTerms;
}

// ---------------------------------------------------------------------------------------------
// Matching the draft's event

/** 2 = the same event (may contradict), 1 = probably the same (may support), 0 = not shown to be. */
type Strength = 0 | 1 | 2;

interface Match {
  strength: Strength;
  score: number;
}

function matchOne(ctx: DraftTerms, src: TermsAt): Match {
  const ev = shared(ctx.event, ctx.eventBits, src);
  const en = shared(ctx.entity, ctx.entityBits, src);
  const nEv = ctx.event.length;
  const nEn = ctx.entity.length;
  const denom = nEv + 0.5 * nEn;
  const score = denom === 0 ? 0 : (ev + 0.5 * en) / denom;
  let strength: Strength = 0;
  if (nEv > 0 && ev / nEv >= 0.6 && ev >= Math.min(2, nEv) && (nEn === 0 || en / nEn >= 0.5) && ev + en >= 2) strength = 2;
  else if ((ev >= 2 || (nEv === 1 && ev === 1)) && ev + en >= 2 && score >= 0.5) strength = 1;
  return { strength, score };
}

function matchAll(ctxs: readonly DraftTerms[], src: TermsAt): Match {
  let best: Match = { strength: 0, score: 0 };
  for (const c of ctxs) {
    const m = matchOne(c, src);
    if (m.strength > best.strength || (m.strength === best.strength && m.score > best.score)) best = m;
  }
  return best;
}

/** The draft's event words around the claim: its segment of the sentence, and its clause when that says enough. */
function draftContexts(claim: DateMention, sentence: string): DraftTerms[] {
  const dates = findDates(sentence, [{ start: 0, end: sentence.length, text: sentence }]);
  const spans = dates.map((d): Span => [d.start, d.end]);
  let i = dates.findIndex((d) => d.text === claim.text);
  if (i < 0) {
    const at = sentence.indexOf(claim.text);
    if (at >= 0 && claim.text.length > 0) {
      const keep = spans.filter(([s, e]) => e <= at || s >= at + claim.text.length);
      keep.push([at, at + claim.text.length]);
      keep.sort((x, y) => x[0] - y[0]);
      spans.length = 0;
      spans.push(...keep);
      i = spans.findIndex(([s]) => s === at);
    }
  }
  const first = firstWordAt(sentence, 0);
  if (i < 0) return [draftTerms(termsIn(sentence, 0, sentence.length, spans, first))];
  const seg = segmentOf(sentence, 0, sentence.length, spans, i);
  const out = [draftTerms(termsIn(sentence, seg[0], seg[1], spans, first))];
  const clause = clauseOf(sentence, seg[0], seg[1], spans[i] as Span);
  if (clause[0] !== seg[0] || clause[1] !== seg[1]) {
    const ct = termsIn(sentence, clause[0], clause[1], spans, first);
    if (ct.event.size >= 2) out.push(draftTerms(ct));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The verdict

/** Segment `seg` of the source's dated segments, and how well it matches the draft's event. */
interface Candidate {
  seg: number;
  match: Match;
}

/** The better of the candidate so far and segment `seg` with its match: the segment's candidate is made only when it
 * is the better one (most of a source's segments are not). */
function better(a: Candidate | null, seg: number, match: Match): Candidate {
  if (a === null) return { seg, match };
  if (match.strength !== a.match.strength) return match.strength > a.match.strength ? { seg, match } : a;
  return match.score > a.match.score ? { seg, match } : a;
}

function datesItText(d: DateMention): string {
  return d.relative !== null || (d.weekday !== null && d.month === null) ? `source gives ${d.text}` : `source dates it ${d.text}`;
}

/**
 * One source's verdict on one date claim. `draftSentence` is the text of the draft sentence that holds the
 * claim (the claim's own text must occur in it for the event words to be read around it).
 */
/** "before May 2012", "after May 2012", "until", "since": the draft dates the event relative to its date. */
function relationOf(claim: DateMention, draftSentence: string): 'before' | 'after' | null {
  const at = draftSentence.indexOf(claim.text);
  if (at < 0) return null;
  const m = /\b(before|until|till|prior to|after|since|later than|earlier than)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$/i.exec(draftSentence.slice(Math.max(0, at - 24), at));
  if (!m) return null;
  return /^(?:before|until|till|prior to|earlier than)$/i.test(m[1] as string) ? 'before' : 'after';
}

function dayNumber(d: DateMention): number | null {
  if (d.year === null) return null;
  return d.year * 400 + (d.month ?? 6) * 32 + (d.day ?? 15);
}

/** A date stated relative to another ("released after May 2012"), against the source's date of the same event. */
function compareRelative(relation: 'before' | 'after', claim: DateMention, source: DateMention): DateComparison {
  const a = dayNumber(claim);
  const b = dayNumber(source);
  if (a === null || b === null) return 'unsettled';
  // Within the claim's own month or year the order is unknown ("after 2012" against "2012").
  if (compareDates(claim, source) === 'supports') return 'unsettled';
  return (relation === 'after' ? b > a : b < a) ? 'supports' : 'contradicts';
}

export interface VerifyDateOptions {
  /** Look for the closest undated sentence as a hint when no dated sentence matches (default true). */
  hints?: boolean;
}

const draftSides = new WeakMap<DateMention, { sentence: string; ctxs: DraftTerms[]; relation: ReturnType<typeof relationOf> }>();

/** What the draft says around a date claim: the same for every candidate source, so read once per claim. */
function draftSide(claim: DateMention, draftSentence: string): { ctxs: DraftTerms[]; relation: ReturnType<typeof relationOf> } {
  let draft = draftSides.get(claim);
  if (draft === undefined || draft.sentence !== draftSentence) {
    draft = { sentence: draftSentence, ctxs: draftContexts(claim, draftSentence), relation: relationOf(claim, draftSentence) };
    draftSides.set(claim, draft);
  }
  return draft;
}

/** Everything verifyDate reads of the draft sentence, as one string: an edit elsewhere in the sentence that leaves
 * it alone (a figure's digit) leaves the date's verdicts alone. */
export function dateDraftKey(claim: DateMention, draftSentence: string): string {
  const { ctxs, relation } = draftSide(claim, draftSentence);
  return JSON.stringify([relation, ctxs.map((c) => [c.event, c.entity])]);
}

export function verifyDate(claim: DateMention, draftSentence: string, doc: SourceDoc, options: VerifyDateOptions = {}): SourceVerdict {
  const idx = indexOf(doc);
  const { ctxs, relation } = draftSide(claim, draftSentence);
  let support: Candidate | null = null;
  let contra: Candidate | null = null;
  let unsettled: Candidate | null = null;
  let weak: Candidate | null = null;
  const dated = idx.dated;
  const scratch = { src: dated.terms, from: 0, to: 0, mask: 0 };
  for (let seg = 0; seg < segmentCount(dated); seg++) {
    const match = matchAll(ctxs, segmentTerms(dated, seg, scratch));
    if (match.strength === 0) {
      if (match.score > 0) weak = better(weak, seg, match);
      continue;
    }
    const d = dated.mention[seg] as DateMention;
    const cmp = relation ? compareRelative(relation, claim, d) : compareDates(claim, d);
    const snapshot = dated.info[seg * INFO_FIELDS + SNAPSHOT] === 1;
    if (cmp === 'supports') support = better(support, seg, match);
    else if (cmp === 'contradicts' && match.strength === 2 && !snapshot && matchAll(ctxs, clauseTerms(doc, dated, seg)).strength === 2) contra = better(contra, seg, match);
    else unsettled = better(unsettled, seg, match);
  }
  const mentionOf = (c: Candidate): DateMention => dated.mention[c.seg] as DateMention;
  // Each verdict is written out whole, not spread from a shared base object: under Node 20, every object made by
  // spreading one here ended in the old generation (435 bytes of old-space garbage a call, about 40 MB in a first
  // check at 10,000 sources, which is what the editor's peak memory is made of).
  const source = doc.id;
  if (support) {
    return { source, verdict: 'supports', reason: mentionReason(mentionOf(support), 0, datesItText), evidence: mentionEvidence(doc, mentionOf(support)) };
  }
  if (contra) {
    return {
      source,
      verdict: 'contradicts',
      reason: `${datesItText(mentionOf(contra))}, not ${relation ? `${relation} ${claim.text}` : claim.text}`,
      evidence: mentionEvidence(doc, mentionOf(contra)),
    };
  }
  if (unsettled) {
    const d = mentionOf(unsettled);
    const reason = compareDates(claim, d) === 'contradicts'
      ? `source gives ${d.text} in a related sentence, perhaps about another event`
      : `${datesItText(d)}, which does not settle ${claim.text}`;
    return { source, verdict: 'lacks', reason, hint: mentionEvidence(doc, mentionOf(unsettled)) };
  }
  // No dated sentence about the event: point at the closest sentence, dated or not.
  if (options.hints === false) {
    return weak
      ? { source, verdict: 'lacks', reason: 'source gives no date for this event', hint: mentionEvidence(doc, mentionOf(weak)) }
      : { source, verdict: 'lacks', reason: 'source does not date this event' };
  }
  // Only sentences that share a term with the draft can be the closest: look them up, then score those.
  const all = sentenceTerms(doc, idx);
  const sharing = new Set<number>();
  for (const c of ctxs) for (const set of [c.event, c.entity]) for (const t of set) for (const i of idx.byTerm?.get(t) ?? []) sharing.add(i);
  let bestI = -1;
  let bestM: Match = { strength: 0, score: 0 };
  for (const i of [...sharing].sort((a, b) => a - b)) {
    const m = matchAll(ctxs, whole(all[i] as TermSet));
    if (m.strength > bestM.strength || (m.strength === bestM.strength && m.score > bestM.score)) {
      bestM = m;
      bestI = i;
    }
  }
  const s = sentenceSpan(doc, bestI);
  if (s !== null && (bestM.strength > 0 || bestM.score >= 0.34)) {
    const reason = bestM.strength > 0 ? 'source mentions the event but gives no date for it' : 'source gives no date for this event';
    return { source, verdict: 'lacks', reason, hint: evidenceAt(doc, bestI, s[0], s[1]) };
  }
  if (weak) {
    return { source, verdict: 'lacks', reason: 'source gives no date for this event', hint: mentionEvidence(doc, mentionOf(weak)) };
  }
  return { source, verdict: 'lacks', reason: 'source does not mention this event' };
}
