// Figures: a number with what it counts (the counted thing), its event words, its scope and its group.
// "more than 3,000 North Korean soldiers either dead or wounded" ->
//   thing "North Korean soldiers" (key soldier), events [casualty], scope total, group "north korean".
import type { DateMention, FigureMention, NumberMention, Sentence, Span } from '../types';
import { canonical, isStopWord } from '../text/terms';
import { scanWords } from '../text/words';
import { sentenceAt } from '../text/sentences';

/** Words that stop the counted-thing phrase after a number. */
const PHRASE_STOP = new Set(
  (
    'have has had were was are is be been being will would could can may might must should do does did ' +
    'who that which whom whose where when while because as than then there here ' +
    'in on at to from with without within into onto over under by for of about after before since during per ' +
    'and or nor but either neither both each every this these those its their his her our your my the a an ' +
    'more most less fewer many much few several some any all only just also still already reportedly ' +
    'along across among between through against toward towards around near via outside inside throughout beyond out'
  ).split(' '),
);

const DEMONYMS = new Set(
  (
    'korean koreans russian russians ukrainian ukrainians american americans chinese british french german germans ' +
    'israeli israelis palestinian palestinians iranian iranians syrian syrians afghan afghans iraqi iraqis indian ' +
    'indians pakistani pakistanis japanese european europeans african africans mexican mexicans canadian canadians ' +
    'polish belarusian belarusians turkish kurdish kurds saudi saudis egyptian egyptians lebanese yemeni sudanese ' +
    'australian australians italian italians spanish dutch swedish norwegian finnish georgian georgians chechen chechens ' +
    'western foreign allied civilian'
  ).split(' '),
);

/** Capitals and metonyms that name a group: "troops from Pyongyang". */
const PLACE_GROUP = new Map<string, string>([
  ['pyongyang', 'north korean'], ['moscow', 'russian'], ['kremlin', 'russian'], ['kyiv', 'ukrainian'],
  ['kiev', 'ukrainian'], ['seoul', 'south korean'], ['washington', 'american'], ['beijing', 'chinese'],
  ['north korea', 'north korean'], ['south korea', 'south korean'], ['russia', 'russian'], ['ukraine', 'ukrainian'],
]);

/** Counted things that are people: they match a bare "people" or a demonym ("3,000 North Koreans"). */
export const PERSON_KEYS = new Set([
  'soldier', 'people', 'civilian', 'child', 'man', 'woman', 'prisoner', 'refugee', 'worker', 'resident', 'citizen',
  'member', 'fighter', 'officer', 'troop', 'recruit', 'conscript', 'mercenary', 'volunteer', 'patient', 'victim',
  'employee', 'student', 'resident', 'inhabitant', 'passenger', 'spectator', 'participant',
]);

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

/** Words that say where, not what: they end the counted-thing phrase and set the figure's place. */
const PLACE_WORDS = new Set(['worldwide', 'globally', 'global', 'overseas', 'abroad', 'domestically', 'nationwide', 'internationally', 'locally']);

const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)$/i;

const PRONOUNS = new Set(['them', 'these', 'those', 'whom', 'which', 'us', 'they', 'it', 'others']);

const CLAUSE_BREAK = /[;:—–()]|,(?!\d)|\s(?:but|while|whereas|although|though)\s/g;

export interface FigureContext {
  /** Offsets to leave out (dates, and in drafts the quotations). Sorted or not. */
  exclude?: Span[];
  /** The text's dates: a date in a figure's sentence is the time the figure holds at. */
  dates?: readonly DateMention[];
}

const RELATION_BEFORE = /\b(before|until|till|prior to|by|as of|as at|in|on|at|during|since|after|from|through)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$/i;

/** whenOf for each sentence index of one findFigures call (it depends on the sentence only), and whether it
 * came from censusYear. Each figure still gets its own value, as when it was computed per figure: the
 * text's date mentions are shared, a census year's DateMention is made per figure. */
type WhenCache = Map<number, { when: FigureMention['when']; census: boolean }>;

function whenOf(sentence: Sentence, dates: readonly DateMention[] | undefined, si: number, cache: WhenCache): FigureMention['when'] {
  let c = cache.get(si);
  if (c === undefined) {
    const fromDates = datedWhen(sentence, dates, si);
    c = fromDates !== undefined ? { when: fromDates, census: false } : { when: censusYear(sentence, si), census: true };
    cache.set(si, c);
  }
  const w = c.when;
  if (w === null) return null;
  return { date: c.census ? { ...w.date } : w.date, relation: w.relation };
}

/** The date a figure holds at: a date in its sentence, with before/after/at read from the words before it
 * (undefined when none of the text's dates holds there: then censusYear decides). */
function datedWhen(sentence: Sentence, dates: readonly DateMention[] | undefined, si: number): FigureMention['when'] | undefined {
  if (!dates) return null;
  let best: FigureMention['when'] = null;
  for (const d of dates) {
    if (d.sentence !== si || d.start < sentence.start || d.end > sentence.end) continue;
    const lead = RELATION_BEFORE.exec(sentence.text.slice(Math.max(0, d.start - sentence.start - 20), d.start - sentence.start));
    const word = (lead?.[1] ?? '').toLowerCase();
    if (!lead || word === 'on' || word === 'during' || word === 'from' || word === 'through') continue;
    const relation = word === 'before' || word === 'until' || word === 'till' || word === 'prior to' ? 'before' : word === 'after' || word === 'since' ? 'after' : 'at';
    if (!best) best = { date: d, relation };
  }
  return best ?? undefined;
}

// "As of the 2010 census", "its 2018 population", "a 2014 estimated population": years the date reader leaves alone.
const YEAR_TIME = /\b(?:(as of|as at|in|by|at|since|before|after|until)\s+(?:the\s+)?((?:18|19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)|((?:18|19|20)\d\d)\s+(?:estimated\s+|official\s+|u\.?s\.?\s+|united states\s+)?(?:population|census|estimate|count|season))/i;

function censusYear(sentence: Sentence, si: number): FigureMention['when'] {
  const m = YEAR_TIME.exec(sentence.text);
  if (!m) return null;
  const year = Number(m[2] ?? m[3]);
  const word = (m[1] ?? '').toLowerCase();
  const relation = word === 'before' || word === 'until' ? 'before' : word === 'after' || word === 'since' ? 'after' : 'at';
  const text = String(year);
  const start = sentence.start + m.index + m[0].indexOf(text);
  const date: DateMention = { kind: 'date', start, end: start + 4, text, year, month: null, day: null, weekday: null, holiday: null, part: null, relative: null, sentence: si };
  return { date, relation };
}

function overlaps(spans: readonly Span[] | undefined, s: number, e: number): boolean {
  if (!spans) return false;
  for (const sp of spans) if (s < sp.end && e > sp.start) return true;
  return false;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD_AFTER = /[\s\u00a0]*(?:-\s*)?([\p{L}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}])/uy;

/** /\s/ as a test of one UTF-16 code unit (false for NaN, past the end). */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

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

/** Word -> its event class ('' for none): EVENT_OF.get(canonical(word)), memoised (bounded). */
const EVENT_MEMO = new Map<string, string>();

function eventOf(word: string): string {
  let e = EVENT_MEMO.get(word);
  if (e === undefined) {
    e = EVENT_OF.get(canonical(word)) ?? '';
    if (EVENT_MEMO.size >= 100_000) EVENT_MEMO.clear();
    EVENT_MEMO.set(word, e);
  }
  return e;
}

/** Event classes in a stretch of text (words starting in [from, to)), in order. */
function eventsIn(text: string, from: number, to: number): { event: string; at: number }[] {
  const out: { event: string; at: number }[] = [];
  if (from >= to) return out;
  const done = scanWords(text, from, to, false, (word, at) => {
    const e = eventOf(word);
    if (e) out.push({ event: e, at });
  });
  return done ? out : eventsInByRegex(text, from, to);
}

function eventsInByRegex(text: string, from: number, to: number): { event: string; at: number }[] {
  const out: { event: string; at: number }[] = [];
  EVENT_WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = EVENT_WORD.exec(text)) !== null && m.index < to) {
    const e = eventOf(m[0]);
    if (e) out.push({ event: e, at: m.index });
  }
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

const SCOPES: [RegExp, string][] = [
  [/\b(?:opening|first|debut)\s+(?:week-?end|weekend)\b/i, 'opening weekend'],
  [/\b(?:opening|first)\s+day\b/i, 'opening day'],
  [/\b(?:daily|a day|per day|each day|every day|a-day)\b/i, 'day'],
  [/\b(?:weekly|a week|per week|each week|every week)\b/i, 'week'],
  [/\b(?:monthly|a month|per month|each month|every month)\b/i, 'month'],
  [/\b(?:annually|yearly|a year|per year|each year|every year|per annum)\b/i, 'year'],
  [/\b(?:in|within|over|during|for)\s+(?:just\s+|only\s+)?(?:the\s+)?(?:past|last|previous|preceding|first|recent)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+)?(hour|day|week|fortnight|month|year)s?\b/i, 'window'],
  [/\b(?:(?:the|its|their)\s+)?(?:last|past|previous)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(hour|day|week|month|year)s?\s+alone\b/i, 'window'],
  [/\b(?:in|within|over|during|after)\s+(?:its\s+|their\s+|the\s+first\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(hour|day|week|month|year)s?\b/i, 'window'],
  [/\bsince\s+(?:they|their|its|the)\b[^,.;]{0,40}?\b(?:deploy\w*|sent|arriv\w*|start|beginning|onset|outbreak|invasion|war)\b|\bso far\b|\bin total\b|\bto date\b|\baltogether\b|\bin all\b/i, 'total'],
];

// One pass that says whether any of the scope patterns (all case-insensitive and unanchored) occurs in a
// stretch: most stretches have none, and then the patterns need not be tried one by one.
const ANY_SCOPE = new RegExp(SCOPES.map(([re]) => `(?:${re.source})`).join('|'), 'i');
const ANY_WINDOW_OR_TOTAL = new RegExp(
  SCOPES.filter(([, key]) => key === 'window' || key === 'total').map(([re]) => `(?:${re.source})`).join('|'),
  'i',
);

const PROJECTED = /\b(?:project(?:ed|s|ions?)?|expect(?:ed|s)?|forecast(?:s|ed)?|predict(?:ed|s|ions?)?|could(?: have)?|would(?: have)?|might|may have|aim(?:s|ed)? to|target(?:s|ed)?|plan(?:s|ned)? to|set to|on track to|estimated to)\b/i;

function scopeOf(text: string, sentence: Sentence, clause: Span, n: NumberMention, own: Span): { scope: string; scopeText: string | null } {
  const base = scopeOfPeriod(text, sentence, clause, own);
  // A projection is another quantity than what happened: "projected grosses of $82 million" vs "made $66.3 million".
  const lead = text.slice(clause.start, n.start);
  const m = PROJECTED.exec(lead);
  if (m) return { scope: `projected ${base.scope}`, scopeText: m[0] };
  return base;
}

function scopeOfPeriod(text: string, sentence: Sentence, clause: Span, own: Span): { scope: string; scopeText: string | null } {
  // The figure's own stretch: its clause, but not past a neighbouring figure ("250 daily departures to 95 destinations").
  const stretches: [string, boolean][] = [
    [text.slice(Math.max(clause.start, own.start), Math.min(clause.end, own.end)), true],
    [text.slice(clause.start, clause.end), false],
    [text.slice(sentence.start, clause.start), false],
  ];
  for (const [stretch, ownStretch] of stretches) {
    if (!(ownStretch ? ANY_SCOPE : ANY_WINDOW_OR_TOTAL).test(stretch)) continue;
    for (const [re, key] of SCOPES) {
      // A rate ("daily") belongs to its own figure; a window ("in four weeks", "during the last month") to its clause or sentence.
      if (!ownStretch && key !== 'window' && key !== 'total') continue;
      const m = re.exec(stretch);
      if (!m) continue;
      if (key === 'window') {
        const unit = (m[2] ?? '').toLowerCase();
        const count = (m[1] ?? '').toLowerCase();
        return { scope: count ? `${count} ${unit}` : unit, scopeText: m[0] };
      }
      return { scope: key, scopeText: m[0] };
    }
  }
  return { scope: 'total', scopeText: null };
}

function groupOf(text: string, phrase: Word[], clause: Span, n: NumberMention): string | null {
  const lw = phrase.map((w) => w.w.toLowerCase());
  for (let i = 0; i < lw.length; i++) {
    const w = lw[i] as string;
    if (DEMONYMS.has(w) && w !== 'civilian') {
      const prev = lw[i - 1];
      const base = w.replace(/s$/, '').replace(/^(?:korean)$/, 'korean');
      return prev === 'north' || prev === 'south' ? `${prev} ${base}` : base;
    }
  }
  // "troops from Pyongyang"
  const after = text.slice(n.end, Math.min(clause.end, n.end + 60)).toLowerCase();
  const from = /\bfrom\s+(north korea|south korea|[a-z]+)/.exec(after);
  if (from) return PLACE_GROUP.get(from[1] as string) ?? null;
  return null;
}

const GROUP_NP = new RegExp(
  `\\b(?:(north|south)\\s+)?(${[...DEMONYMS].filter((d) => !['western', 'foreign', 'allied', 'civilian'].includes(d)).join('|')})\\s+(?:[a-z]+\\s+)?(${[...PERSON_KEYS, 'troops', 'soldiers', 'forces', 'units', 'casualties', 'losses'].join('|')})`,
  'gi',
);
// A country as the sentence's subject: "North Korea reportedly deployed approximately 11,000 soldiers".
const SUBJECT_PLACE = /^(?:the\s+)?(north korea|south korea|russia|ukraine|pyongyang|moscow|kyiv|seoul)\b(?!['’])/i;
const FROM_PLACE = /\b(?:from|of)\s+(north korea|south korea|pyongyang|moscow|kyiv|kiev|seoul|russia|ukraine)\b/i;

/** The group a figure's sentence is about when its own phrase names none: the first "<demonym> <people>"
 * phrase before the number in its sentence ("North Korean troops have sustained ... more than 3,000 soldiers"),
 * else "from North Korea", else the same in the sentence before. */
function contextGroup(text: string, sentences: readonly Sentence[], si: number, at: number, cache: GroupCache): string | null {
  // The sentence itself, up to the number.
  const s = sentences[si] as Sentence;
  const found = groupInStretch(text, s, si, at, cache);
  if (found !== undefined) return found;
  // The sentence before, whole: the same for every figure of this sentence.
  if (si === 0) return null;
  let before = cache.whole.get(si - 1);
  if (before === undefined) {
    const p = sentences[si - 1] as Sentence;
    before = groupInStretch(text, p, si - 1, p.end, cache) ?? null;
    cache.whole.set(si - 1, before);
  }
  return before;
}

/** Per findFigures call: what contextGroup found in whole sentences, and GROUP_NP's first match in each. */
interface GroupCache {
  whole: Map<number, string | null>;
  np: Map<number, RegExpExecArray | null>;
}

/** The group named in text[s.start, end) (undefined: none named there; null: a place with no group). */
function groupInStretch(text: string, s: Sentence, si: number, end: number, cache: GroupCache): string | null | undefined {
  // GROUP_NP has no lookahead and nothing anchored to the end, so its first match in a prefix of the
  // sentence is its first match in the whole sentence when that one ends inside the prefix, and there is
  // none in the prefix when the sentence has none.
  let whole = cache.np.get(si);
  if (whole === undefined) {
    GROUP_NP.lastIndex = 0;
    whole = GROUP_NP.exec(text.slice(s.start, s.end));
    cache.np.set(si, whole);
  }
  let stretch: string | null = null;
  let m: RegExpExecArray | null = null;
  if (whole !== null) {
    if (whole.index + whole[0].length <= end - s.start) m = whole;
    else {
      stretch = text.slice(s.start, end);
      GROUP_NP.lastIndex = 0;
      m = GROUP_NP.exec(stretch);
    }
  }
  if (m) {
    const base = (m[2] as string).toLowerCase().replace(/s$/, '');
    return m[1] ? `${m[1].toLowerCase()} ${base}` : base;
  }
  if (stretch === null) stretch = text.slice(s.start, end);
  const f = FROM_PLACE.exec(stretch) ?? SUBJECT_PLACE.exec(stretch);
  if (f) return PLACE_GROUP.get((f[1] as string).toLowerCase()) ?? null;
  return undefined;
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

const PLACE_ALIASES: [RegExp, string][] = [
  [/^(?:worldwide|globally|global|world-?wide|around the world|in the world|in total worldwide)$/, 'world'],
  [/^(?:overseas|abroad|international|internationally|in other territories|outside (?:of )?(?:north america|the us|the united states|india))$/, 'overseas'],
  [/^(?:domestically|domestic|in north america|in the (?:us|u\.s\.|united states)(?: and canada)?|in (?:us|u\.s\.|united states) and canada)$/, 'north america'],
];

function canonicalPlace(phrase: string): string {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim().replace(/(?<!\b[a-z])\.$/, '');
  for (const [re, key] of PLACE_ALIASES) if (re.test(p)) return key;
  return p.replace(/^(?:in|across|throughout)\s+(?:the\s+)?/, '');
}

/** Where a figure applies: "worldwide", "in India", "in the United States and Canada", "a worldwide total of". */
function placeOf(text: string, clause: Span, n: NumberMention, thingEnd: number): string | null {
  const after = text.slice(thingEnd, clause.end);
  const m =
    /^\s*(worldwide|globally|global|overseas|abroad|domestically|internationally|outside (?:of )?(?:North America|the US|the United States|India))\b/i.exec(after) ??
    /^\s*(?:at the [a-z ]*box office\s+)?(in (?:the )?(?:[A-Z][\w.]*|U\.S\.)(?:\s+(?:and\s+)?[A-Z][\w.]*){0,3}|in other territories)/.exec(after);
  if (m) return canonicalPlace(m[1] as string);
  const before = text.slice(Math.max(clause.start, n.start - 40), n.start);
  const b = /\b(worldwide|global|domestic|overseas|international)\s+(?:total|gross|box office)?\s*(?:of\s+)?$/i.exec(before);
  if (b) return canonicalPlace(b[1] as string);
  return null;
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
  for (let ni = 0; ni < numbers.length; ni++) {
    const n = numbers[ni] as NumberMention;
    const lastFigure = out[out.length - 1];
    const prevEnd = Math.max(ni > 0 ? (numbers[ni - 1] as NumberMention).end : 0, lastFigure ? lastFigure.end : 0);
    const nextStart = ni + 1 < numbers.length ? (numbers[ni + 1] as NumberMention).start : text.length;
    if (n.yearLike || yearBeforeNoun(text, n)) continue;
    if (overlaps(ctx.exclude, n.start, n.end)) continue;
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
    const when = whenOf(sentence, ctx.dates, si, whenCache);
    out.push({
      kind: 'figure',
      start: n.start,
      end,
      text: text.slice(n.start, end),
      number: outOf100(sentence, n),
      thing: phrase.length > 0 ? phrase.map((w) => w.w).join(' ') : null,
      thingKey,
      events,
      scope,
      scopeText,
      group,
      place,
      when,
      context: text.slice(Math.max(clause.start, prevEnd), Math.min(clause.end, nextStart)),
      sentence: si,
    });
  }
  return out;
}
