// Figures: a number with what it counts (the counted thing), its event words, its scope and its group.
// "more than 3,000 North Korean soldiers either dead or wounded" ->
//   thing "North Korean soldiers" (key soldier), events [casualty], scope total, group "north korean".
import type { DateMention, FigureMention, NumberMention, Sentence, Span } from '../types';
import { canonical, isStopWord } from '../text/terms';
import { isJsSpace, scanWords, wordsByRegex } from '../text/words';

import { DEMONYMS, PERSON_KEYS, PLACE_WORDS, type Word } from './figure-words';
import { whenOf, type WhenCache } from './figure-time';
import { scopeOf } from './figure-scope';
import { contextGroup, groupOf, placeOf, type GroupCache } from './figure-place';

export { PERSON_KEYS };
import { sentenceAt } from '../text/sentences';
import { intern, internOrNull } from '../text/intern';
import { WordTable } from '../text/word-table';
import { overlapTest } from '../text/span-index';
import { datesBySentence } from '../text/dates';

/** The events of every figure that names none: one array, frozen (no reader changes a mention's events). */
const NO_EVENTS = Object.freeze([]) as unknown as string[];

/** Words that stop the counted-thing phrase after a number. */
const PHRASE_STOP = new Set(
  (
    'have has had were was are is be been being will would could can may might must should do does did ' +
    'who that which whom whose where when while because as than then there here ' +
    'in on at to from with without within into onto over under by for of about after before since during per ' +
    'and or nor but not never either neither both each every this these those its their his her our your my the a an ' +
    'more most less fewer many much few several some any all only just also still already reportedly ' +
    'along across among between through against toward towards around near via outside inside throughout beyond out'
  ).split(' '),
);

/** Nouns that name the event rather than the thing: "45,000 casualties" counts people in a casualty event. */
const EVENT_NOUNS = new Map<string, string>([
  ['casualty', 'casualty'], ['kill', 'killed'], ['dead', 'killed'], ['death', 'killed'], ['fatality', 'killed'],
  ['wound', 'wounded'], ['injure', 'wounded'], ['injury', 'wounded'], ['loss', 'casualty'],
  ['recovery', 'recovered'], ['hospitalization', 'hospitalized'], ['hospitalisation', 'hospitalized'],
  ['infection', 'infected'], ['arrest', 'arrested'], ['evacuation', 'evacuated'],
]);

/** Event words after canonical(): the event classes figures are compared on. */
const EVENT_OF = new Map<string, string>([
  ['kill', 'killed'], ['dead', 'killed'], ['die', 'killed'], ['death', 'killed'], ['perish', 'killed'],
  ['fatality', 'killed'], ['slain', 'killed'],
  ['wound', 'wounded'], ['injure', 'wounded'], ['injury', 'wounded'], ['injured', 'wounded'], ['hurt', 'wounded'],
  ['casualty', 'casualty'],
  ['deploy', 'deployed'], ['send', 'deployed'], ['dispatch', 'deployed'], ['station', 'deployed'], ['join', 'deployed'],
  ['arrive', 'deployed'],
  ['capture', 'captured'], ['prisoner', 'captured'],
  ['launch', 'launched'], ['fire', 'launched'],
  ['gross', 'earned'], ['earn', 'earned'], ['revenue', 'earned'], ['make', 'earned'], ['made', 'earned'],
  ['take', 'earned'], ['took', 'earned'], ['collect', 'earned'], ['sell', 'sold'], ['sold', 'sold'],
  ['vote', 'votes'], ['elect', 'elected'], ['attend', 'attended'], ['view', 'viewed'], ['watch', 'viewed'],
  ['score', 'scored'], ['win', 'won'], ['won', 'won'], ['lose', 'lost'], ['lost', 'lost'],
  ['evacuate', 'evacuated'], ['displace', 'displaced'], ['flee', 'displaced'], ['arrest', 'arrested'],
  ['release', 'released'], ['rescue', 'rescued'], ['recover', 'recovered'], ['recovery', 'recovered'],
  ['hospitalize', 'hospitalized'], ['hospitalization', 'hospitalized'], ['infect', 'infected'], ['infection', 'infected'],
]);

const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)$/i;

const PRONOUNS = new Set(['them', 'these', 'those', 'whom', 'which', 'us', 'they', 'it', 'others']);

const CLAUSE_BREAK = /[;:—–()]|,(?!\d)|\s(?:but|while|whereas|although|though)\s/g;

export interface FigureContext {
  /** Offsets to leave out (dates, and in drafts the quotations). Sorted or not. */
  exclude?: Span[];
  /** The text's dates: a date in a figure's sentence is the time the figure holds at. */
  dates?: readonly DateMention[];
}

const WORD_AFTER = /[\s\u00a0]*(?:-\s*)?([\p{L}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}])/uy;

/** [,;:.!?)"”] */
function isPhraseEnd(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63 || c === 41 || c === 34 || c === 0x201d;
}

function wordsAfter(text: string, from: number, limit: number, max: number): Word[] {
  const out: Word[] = [];
  let at = from;
  while (out.length < max) {
    WORD_AFTER.lastIndex = at;
    const m = WORD_AFTER.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const w = m[1] as string;
    const start = m.index + m[0].length - w.length;
    out.push({ w, start, end: start + w.length });
    at = start + w.length;
    // A comma or other punctuation right after ends the phrase (/^[\s]*[,;:.!?)"”]/ on the next two characters).
    if (isPhraseEnd(text.charCodeAt(at)) || (isJsSpace(text.charCodeAt(at)) && isPhraseEnd(text.charCodeAt(at + 1)))) break;
  }
  return out;
}

function isVerbish(w: string): boolean {
  return /^[a-z]+(?:ed|ing)$/.test(w) && !/^(?:hundred|seed|speed|need|feed|bed|red|shed|breed|kindred|wing|king|ring|thing|string|spring|building|ceiling|wedding|offspring|sibling)s?$/.test(w);
}

/** The counted-thing phrase right after a number: words up to the head noun. */
function thingAfter(text: string, n: NumberMention, limit: number): { words: Word[]; ofPhrase: boolean } {
  const ws = wordsAfter(text, n.end, limit, 7);
  const out: Word[] = [];
  let ofPhrase = false;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i] as Word;
    const lw = word.w.toLowerCase();
    if (lw === 'of' && out.length === 0) {
      // "half of the deployed soldiers", "3,000 of them"
      ofPhrase = true;
      continue;
    }
    if (ofPhrase && out.length === 0 && /^(?:the|these|those|its|their|his|her|our|all|deployed|estimated)$/.test(lw)) continue;
    if (PHRASE_STOP.has(lw) || PLACE_WORDS.has(lw)) break;
    // "250 daily departures": a rate adjective before a noun belongs to the phrase.
    const rateAdjective = /^(?:daily|weekly|monthly|yearly|annual|nightly|hourly)$/.test(lw) && ws[i + 1] !== undefined && !PHRASE_STOP.has((ws[i + 1] as Word).w.toLowerCase());
    if (!rateAdjective && /^[a-z]+ly$/.test(lw) && !/^(?:family|ally|rally|fly|belly|supply|assembly|monopoly)$/.test(lw)) break;
    // An event verb ends the phrase ("personnel killed"), but a plural is a noun ("YouTube views", "sales").
    const pluralNoun = /[^s'’]s$/.test(lw) && !/(?:ss|us|is)$/.test(lw);
    if (EVENT_OF.has(canonical(lw)) && !EVENT_NOUNS.has(canonical(lw)) && out.length > 0 && !pluralNoun) break;
    if (isVerbish(lw) && word.w[0] === lw[0]) {
      if (out.length > 0) break;
      // "12,261 confirmed cases", "3,000 wounded soldiers": a participle before a noun is an adjective.
      const next = ws[i + 1];
      const nl = next ? next.w.toLowerCase() : '';
      const adjective = next !== undefined && !PHRASE_STOP.has(nl) && !isVerbish(nl) && !EVENT_OF.has(canonical(nl)) && !/^[a-z]+ly$/.test(nl);
      if (!adjective && !EVENT_NOUNS.has(canonical(lw))) break;
    }
    out.push(word);
    // A plural noun or an event noun ends the phrase ("troops", "casualties", "copies").
    const c = canonical(lw);
    if (EVENT_NOUNS.has(c) || (PERSON_KEYS.has(c) && !DEMONYMS.has(lw))) break;
    if (word.w === lw && /[^s'’]s$|ies$/.test(lw) && !/(?:ss|us|is|ics|ous|news|series|species)$/.test(lw)) break;
  }
  // Drop trailing adjectives that cannot be a head ("3,000 North Korean" followed by a verb keeps "Korean").
  return { words: out, ofPhrase };
}

/** Per findFigures call: each sentence's clause breaks, as [index, end] pairs relative to the sentence. */
type BreakCache = Map<Sentence, number[]>;

function clauseBounds(sentence: Sentence, offset: number, cache: BreakCache): Span {
  let breaks = cache.get(sentence);
  if (breaks === undefined) {
    breaks = [];
    CLAUSE_BREAK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_BREAK.exec(sentence.text)) !== null) breaks.push(m.index, m.index + m[0].length);
    cache.set(sentence, breaks);
  }
  const rel = offset - sentence.start;
  let start = 0;
  let end = sentence.text.length;
  for (let i = 0; i < breaks.length; i += 2) {
    const index = breaks[i] as number;
    if (index < rel) start = breaks[i + 1] as number;
    else if (index > rel) {
      end = index;
      break;
    }
  }
  return { start: sentence.start + start, end: sentence.start + end };
}

const EVENT_WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Word -> its event class ('' for none): EVENT_OF.get(canonical(word)), kept by word (bounded). */
const EVENTS = new WordTable<string>((word) => EVENT_OF.get(canonical(word)) ?? '');

/** Event classes in a stretch of text (words starting in [from, to)), in order. */
function eventsIn(text: string, from: number, to: number): { event: string; at: number }[] {
  const out: { event: string; at: number }[] = [];
  if (from >= to) return out;
  const done = scanWords(text, from, to, false, (at, end, hash) => {
    const e = EVENTS.at(text, at, end, hash);
    if (e) out.push({ event: e, at });
  });
  return done ? out : eventsInByRegex(text, from, to);
}

function eventsInByRegex(text: string, from: number, to: number): { event: string; at: number }[] {
  const out: { event: string; at: number }[] = [];
  wordsByRegex(EVENT_WORD, text, from, to, (word, at) => {
    const e = EVENTS.of(word);
    if (e) out.push({ event: e, at });
  });
  return out;
}

/** The events a figure is about: the nearest after it in its clause, else the nearest before;
 * killed and wounded together make a casualty. */
function figureEvents(text: string, clause: Span, n: NumberMention, thingEvent: string | null, prev: number, next: number): string[] {
  // A neighbouring figure's words are its own: "176 recoveries and 0 deaths".
  const after = eventsIn(text, n.end, Math.min(clause.end, next));
  const before = eventsIn(text, Math.max(clause.start, prev), n.start).reverse();
  const set = new Set<string>();
  if (thingEvent) set.add(thingEvent);
  const primary = after[0] ?? before[0];
  if (!thingEvent && primary) set.add(primary.event);
  // killed + wounded within a few words of each other: a casualty count.
  const near = [...after.slice(0, 3), ...before.slice(0, 2)].map((e) => e.event);
  if ((set.has('killed') && near.includes('wounded')) || (set.has('wounded') && near.includes('killed'))) {
    set.delete('killed');
    set.delete('wounded');
    set.add('casualty');
  }
  return [...set];
}

/** The thing counted by a number with no noun after it: the nearest person or thing noun before it in its
 * sentence ("North Korean soldiers ... have suffered losses, with estimates that up to 4,000 have been wounded"). */
function antecedent(text: string, sentence: Sentence, n: NumberMention): Word[] {
  const before = text.slice(sentence.start, n.start);
  const re = /(?:\b([Nn]orth|[Ss]outh)\s+)?\b([A-Z][a-z]+\s+)?([A-Za-z]+s)\b/g;
  let best: Word[] = [];
  let m: RegExpExecArray | null;
  // The sentence's first person noun phrase is most often the subject the number refers back to.
  while ((m = re.exec(before)) !== null) {
    const head = m[3] as string;
    if (PERSON_KEYS.has(canonical(head)) || DEMONYMS.has(head.toLowerCase())) {
      const start = sentence.start + m.index;
      const words: Word[] = [];
      const parts = m[0].split(/\s+/);
      let at = start;
      for (const p of parts) {
        const s = text.indexOf(p, at);
        words.push({ w: p, start: s, end: s + p.length });
        at = s + p.length;
      }
      best = words;
      break;
    }
  }
  return best;
}

/** "its 2018 population", "the 2010 census", "2019 season": a year used as an adjective. */
function yearBeforeNoun(text: string, n: NumberMention): boolean {
  if (n.qualifier !== 'exact' || n.isRange || n.unit || n.low !== n.high || !Number.isInteger(n.low) || n.low < 1800 || n.low > 2100) return false;
  if (text.slice(n.start, n.end) !== String(n.low)) return false;
  return /^\s+(?:[a-z]+\s+)?(?:population|census|season|estimate|election|budget|edition|model|report|survey|figures?|data|fiscal|financial)\b/i.test(text.slice(n.end, n.end + 40));
}

const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

/** A number inside a name or title ("Kingdom Hearts HD 1.5 Remix", "Chapter 3", "Boeing 767s"): not a figure. */
const WORD_BEFORE = /([\p{L}][\p{L}.'’-]*)\s*$/u;

/** The word (WORD_BEFORE's group 1) ending text[from, to) before any trailing spaces, and where it starts.
 * ASCII text is read backwards in code; anything else goes to the regex. */
function trailingWord(text: string, from: number, to: number): { w: string; at: number } | null {
  let k = to;
  for (; k > from; k--) {
    const c = text.charCodeAt(k - 1);
    if (c >= 128) return trailingWordByRegex(text, from, to);
    if (!(c === 32 || (c >= 9 && c <= 13))) break;
  }
  // [\p{L}.'-]* back from k, then the leftmost letter in that run starts the word.
  let j = k;
  for (; j > from; j--) {
    const c = text.charCodeAt(j - 1);
    if (c >= 128) return trailingWordByRegex(text, from, to);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 39 || c === 45)) break;
  }
  for (; j < k; j++) {
    const c = text.charCodeAt(j);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return { w: text.slice(j, k), at: j };
  }
  return null;
}

function trailingWordByRegex(text: string, from: number, to: number): { w: string; at: number } | null {
  const m = WORD_BEFORE.exec(text.slice(from, to));
  return m ? { w: m[1] as string, at: to - m[0].length } : null;
}

function inName(text: string, sentence: Sentence, n: NumberMention): boolean {
  if (n.valueStart !== n.start) return false; // a qualifier stands before it
  const before = trailingWord(text, Math.max(sentence.start, n.start - 30), n.start);
  if (!before) return false;
  const w = before.w;
  const at = before.at;
  if (at <= sentence.start) return false;
  if (!/^\p{Lu}/u.test(w) || MONTHS.test(w)) return false;
  if (/^(?:US|U\.S\.|USD|Rs|INR|EUR|GBP|No)$/.test(w)) return false;
  return true;
}

/** "a score of 55" in a sentence about a rating "out of 100" is a score out of 100, like "55/100". */
function outOf100(sentence: Sentence, n: NumberMention): NumberMention {
  if (n.unit !== null || n.low < 0 || n.high > 100) return n;
  if (!/\bout of 100\b|\/100\b/.test(sentence.text)) return n;
  if (!/\b(?:score|rating|grade|mark)\s+(?:of\s+)?$/i.test(sentence.text.slice(0, n.start - sentence.start).slice(-30))) return n;
  return { ...n, unit: 'out-of-100' };
}

/** "a share below 35.5", "a growth of less than 60%", "the debt was below €400 million": a noun just before the
 * number (and its qualifier) names what it measures when nothing follows it. */
function nounBefore(text: string, sentence: Sentence, n: NumberMention): Word[] {
  const before = text.slice(Math.max(sentence.start, n.start - 40), n.start);
  const m = /\b([a-z]{3,})\s+(?:of\s+|at\s+|was\s+|is\s+|were\s+|are\s+|stood at\s+|reached\s+|totall?ed\s+)?$/.exec(before);
  if (!m) return [];
  const w = m[1] as string;
  if (PHRASE_STOP.has(w) || isStopWord(w) || isVerbish(w) || EVENT_OF.has(canonical(w)) || PLACE_WORDS.has(w) || /ly$/.test(w)) return [];
  // Words that say "a quantity" without saying of what.
  if (/^(?:total|totals|number|amount|sum|figure|tally|count|value|level|rate|high|low|record|estimate|average|peak)$/.test(w)) return [];
  const start = n.start - before.length + m.index;
  return [{ w, start, end: start + w.length }];
}

/** "the total number of cases ... is 2,274": the thing a number with no noun counts. */
const COLLECTIVES = /\b(population|attendance|audience|crowd|workforce|enrollment|enrolment|membership|circulation|turnout|headcount|capacity)\b(?:[^;:]{0,80}?\s(?:was|is|were|stood at|reached|totall?ed|of))?\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+)?$/i;

function numberOfThing(text: string, sentence: Sentence, n: NumberMention): Word[] {
  const before = text.slice(sentence.start, n.start);
  const c = COLLECTIVES.exec(before);
  if (c) {
    const w = c[1] as string;
    const start = sentence.start + c.index;
    return [{ w, start, end: start + w.length }];
  }
  const m = /\b(?:number|total|count|tally)\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z]+s)\b(?![\s\S]*\b(?:number|total|count|tally)\s+of\b)/i.exec(before);
  if (!m) return [];
  const w = m[1] as string;
  const start = sentence.start + m.index + m[0].length - w.length;
  return [{ w, start, end: start + w.length }];
}

export function findFigures(
  text: string,
  sentences: readonly Sentence[],
  numbers: readonly NumberMention[],
  ctx: FigureContext = {},
): FigureMention[] {
  const out: FigureMention[] = [];
  const groupCache: GroupCache = { whole: new Map(), np: new Map() };
  const whenCache: WhenCache = new Map();
  const breakCache: BreakCache = new Map();
  const excluded = overlapTest(ctx.exclude);
  // The text's dates by sentence, each in the text's order: whenOf reads a sentence's own (looking through all of a
  // text's dates for each sentence with a figure took time in the square of its size: 35 s for a 5 MB source of
  // dated figures).
  const bySentence = datesBySentence(ctx.dates ?? []);
  for (let ni = 0; ni < numbers.length; ni++) {
    const n = numbers[ni] as NumberMention;
    const lastFigure = out[out.length - 1];
    const prevEnd = Math.max(ni > 0 ? (numbers[ni - 1] as NumberMention).end : 0, lastFigure ? lastFigure.end : 0);
    const nextStart = ni + 1 < numbers.length ? (numbers[ni + 1] as NumberMention).start : text.length;
    if (n.yearLike || yearBeforeNoun(text, n)) continue;
    if (excluded(n.start, n.end)) continue;
    const si = sentenceAt(sentences, n.start);
    if (si < 0) continue;
    const sentence = sentences[si] as Sentence;
    if (inName(text, sentence, n)) continue;
    const clause = clauseBounds(sentence, n.start, breakCache);
    const { words } = thingAfter(text, n, sentence.end);
    const pronoun = words.length === 1 && PRONOUNS.has((words[0] as Word).w.toLowerCase());
    let phrase = words.length > 0 && !pronoun ? words : numberOfThing(text, sentence, n);
    if (phrase.length === 0) phrase = nounBefore(text, sentence, n);
    if (phrase.length === 0) phrase = antecedent(text, sentence, n);
    const headWord = phrase.length > 0 ? (phrase[phrase.length - 1] as Word) : null;
    let thingKey: string | null = null;
    let thingEvent: string | null = null;
    if (headWord) {
      const lw = headWord.w.toLowerCase();
      const c = canonical(lw);
      if (EVENT_NOUNS.has(c)) {
        thingEvent = EVENT_NOUNS.get(c) as string;
        thingKey = 'people';
      } else if (DEMONYMS.has(lw) || /^(?:population|crowd|audience|workforce|headcount|capacity|attendance)$/.test(lw)) thingKey = 'people';
      else thingKey = c;
    }
    // "in four weeks", "over the past 24 hours": a duration that scopes another figure, not a claim of its own.
    if (headWord && TIME_UNITS.test(headWord.w) && /\b(?:in|within|over|during|for|after|past|last|first|next|previous)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+|next\s+)?$/i.test(text.slice(Math.max(0, n.start - 30), n.start))) continue;
    const events = figureEvents(text, clause, n, thingEvent, prevEnd, nextStart);
    const { scope, scopeText } = scopeOf(text, sentence, clause, n, { start: prevEnd, end: nextStart });
    const group = groupOf(text, phrase, clause, n) ?? contextGroup(text, sentences, si, n.start, groupCache);
    // The claim's span: the number and, when it follows directly, its counted thing.
    const end = words.length > 0 ? (words[words.length - 1] as Word).end : n.end;
    const place = placeOf(text, clause, n, end);
    const when = whenOf(sentence, ctx.dates === undefined ? undefined : (bySentence.get(si) ?? []), si, whenCache);
    out.push({
      kind: 'figure',
      start: n.start,
      end,
      // A source holds thousands of figures: what repeats across them is shared (text/intern.ts, NO_EVENTS).
      text: end === n.end ? n.text : text.slice(n.start, end),
      number: outOf100(sentence, n),
      thing: phrase.length > 0 ? intern(phrase.map((w) => w.w).join(' ')) : null,
      thingKey,
      events: events.length === 0 ? NO_EVENTS : events,
      scope: intern(scope),
      scopeText: internOrNull(scopeText),
      group: internOrNull(group),
      place: internOrNull(place),
      when,
      context: text.slice(Math.max(clause.start, prevEnd), Math.min(clause.end, nextStart)),
      sentence: si,
    });
  }
  return out;
}
