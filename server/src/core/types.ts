// The engine's plain data. No editor, no file system: strings in, these out.
// All offsets are UTF-16 code unit indices into the text they came from (JavaScript string indices).

export type Language = 'markdown' | 'plaintext';
export type ClaimKind = 'figure' | 'date' | 'quote';
export type Verdict = 'supports' | 'contradicts' | 'lacks';
export type ClaimStatus = 'contradicted' | 'supported' | 'unsupported';

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Span {
  start: number;
  end: number;
}

/** A sentence of a text: [start, end) with the text itself. */
export interface Sentence extends Span {
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Numbers (text/numbers.ts)

/**
 * How a figure is hedged.
 * - exact: a bare number ("3,000")
 * - approximate: about, around, roughly, approximately, some, an estimated
 * - lower: more than, over, exceeds, at least, upwards of
 * - upper: up to, as many as, at most, fewer than, less than, under
 * - nearBelow: nearly, almost, close to
 */
export type Qualifier = 'exact' | 'approximate' | 'lower' | 'upper' | 'nearBelow';

/** One stated number, range or vague magnitude, with its qualifier. */
export interface NumberMention extends Span {
  /** The text at [start, end): the qualifier (if any) through the last word of the value and its unit. */
  text: string;
  /** Where the value itself starts (after the qualifier). */
  valueStart: number;
  /** The stated value; for a range its lower end. Scaled: "3.5 billion" is 3.5e9, "12%" is 12. */
  low: number;
  /** The stated value; for a range its upper end. Equal to low for a single value. */
  high: number;
  /** "10,000 to 12,000", "between 10,000 and 12,000", "10,000-12,000". */
  isRange: boolean;
  /** "tens of thousands", "hundreds", "dozens": low..high is the whole magnitude. */
  vague: boolean;
  qualifier: Qualifier;
  /** 'percent' for % and percent; an ISO currency code for money ('USD', 'GBP', 'EUR', 'INR', 'JPY'); null for plain counts. */
  unit: string | null;
  /** Place value of the last non-zero digit of the stated value, for its rounding interval: 1000 for "3,000", 1 for "846", 0.1 for "12.5". */
  precision: number;
  /** The value is a fraction or proportion written as words ("half", "a third", "two-thirds"): low/high are 0.5 etc. */
  fraction: boolean;
  /** A bare four-digit number that reads as a calendar year ("in 2024"); figure extraction skips these. */
  yearLike: boolean;
}

// ---------------------------------------------------------------------------------------------
// Mentions: what the extractors find in drafts and sources

export interface FigureMention extends Span {
  kind: 'figure';
  text: string;
  number: NumberMention;
  /** The counted noun as written ("soldiers", "North Korean troops"), or null when none was found. */
  thing: string | null;
  /** Canonical class of the counted noun ('soldier' for soldiers/troops/personnel), or null. */
  thingKey: string | null;
  /** Canonical event words around the figure: 'casualty' (killed or wounded), 'killed', 'wounded', 'deployed', ... */
  events: string[];
  /** Canonical scope: 'total' when none is stated, else 'week', 'day', 'month', 'year', ... */
  scope: string;
  /** The scope as written ("in the past week"), or null. */
  scopeText: string | null;
  /** Group qualifying the counted thing ("north korean", "russian"), lower case, or null. */
  group: string | null;
  /** Where the quantity applies ("world", "overseas", "north america", "india"), lower case, or null when not stated. */
  place: string | null;
  /** The words around the figure in its clause, up to its neighbouring figures: what else says which quantity it is. */
  context: string;
  /** The date the figure holds at, with how ("as of 29 April", "before April 23, 2020", "in 2016"), or null. */
  when: { date: DateMention; relation: 'at' | 'before' | 'after' } | null;
  /** Index of the sentence that holds it, in the text's sentence list. */
  sentence: number;
}

export interface DateMention extends Span {
  kind: 'date';
  text: string;
  year: number | null;
  month: number | null; // 1-12
  day: number | null; // 1-31
  weekday: number | null; // 0 = Sunday
  holiday: string | null; // 'christmas', 'new year', ...
  part: 'early' | 'mid' | 'late' | null; // "late 2024"
  /** 'last', 'this past', 'next', 'this' for relative dates ("last August"), else null. */
  relative: string | null;
  sentence: number;
}

export interface QuoteMention extends Span {
  kind: 'quote';
  /** The whole quotation including its marks. */
  text: string;
  /** The words between the marks. */
  inner: string;
  innerStart: number;
  innerEnd: number;
  /** Who the text credits the words to (as written, e.g. "Kirby", "John Kirby"), or null. */
  speaker: string | null;
  /** Short scare quote or title ("human wave"): no speaker expected. */
  scare: boolean;
  sentence: number;
}

export type Mention = FigureMention | DateMention | QuoteMention;

// ---------------------------------------------------------------------------------------------
// Results

/** Where a verdict's evidence stands in a source. */
export interface Evidence {
  /** The source sentence. */
  text: string;
  /** 1-based line of the wording in the source. */
  line: number;
  /** 1-based column (UTF-16) of the wording in the source. */
  column: number;
  /** The source's own wording of the figure, date or quote. */
  wording: string;
  /** Offsets of the wording in the source text. */
  start: number;
  end: number;
}

export interface SourceVerdict {
  source: string;
  verdict: Verdict;
  /** One line a person understands: "source says approximately 11,000 soldiers". */
  reason: string;
  /** Present on supports and contradicts. */
  evidence?: Evidence;
  /** On lacks: the closest related sentence, if any. */
  hint?: Evidence;
  /** For a quotation that differs: the word-level differences, e.g. [{ draft: 'capture', source: 'rescue' }]. */
  diff?: { draft: string; source: string }[];
  /** For a misattributed quotation: who the source credits. */
  creditedTo?: string;
}

export interface Claim {
  kind: ClaimKind;
  /** The draft's own substring at [start, end). */
  text: string;
  start: number;
  end: number;
  range: Range;
  speaker: string | null;
  status: ClaimStatus;
  /** True when some sources support and others contradict. */
  sourcesDisagree: boolean;
  /** "5 of 5 sources contradict", "2 sources support, 1 contradicts". */
  summary: string;
  /** Exactly one per source, in corpus order. */
  verdicts: SourceVerdict[];
}

/** A source as the engine receives it. */
export interface SourceInput {
  id: string;
  text: string;
  title?: string;
  path?: string;
}

export interface CheckOptions {
  language?: Language;
}

/** A source after indexing: its text, sentences and mentions. Built by corpus/, read by verify/. */
export interface SourceDoc {
  id: string;
  title: string | null;
  path: string | null;
  text: string;
  /** The sentences' [start, end) offsets, two entries per sentence (corpus/source-sentences.ts reads them). */
  sentenceBounds: Int32Array;
  /** The sentences as objects, built on first read (the engine reads sentenceBounds). */
  readonly sentences: Sentence[];
  figures: FigureMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /** Offsets at which each line starts (lineStarts[0] === 0). */
  lineStarts: number[];
  /** Bloom filter of the words of the text (corpus/word-filter.ts): which short quotations it may hold. */
  words: Uint32Array;
  /** Set when the text gave more figures, dates and quotations than one text may (extract/mention-limit.ts): the
   * offset where reading stopped; only the mentions before it are kept. */
  readTo?: number;
}
