// Numbers in news prose, with offsets: digits, scale words, spelled-out numbers, fractions, percentages,
// money, ranges, vague magnitudes ("tens of thousands") and the qualifier that hedges them.
//
// One global regex finds where a value may start; at each such place a few sticky regexes read the value
// forwards (scale, percent, range, currency word), and the currency sign and up to three qualifier words before
// it are read backwards by hand (no `$`-anchored searches). Work is linear in the text; nothing is allocated
// per character. About 85 MB/s (CPU time, one core) on the seed news articles, 15 MB/s on number-dense VitaminC.
import type { NumberMention, Qualifier, Span } from '../types';
import { clean, placeValue } from './number-values';

// ---------------------------------------------------------------------------------------------
// Word tables

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  bn: 1e9, mn: 1e6, tn: 1e12, m: 1e6, k: 1e3, hundred: 100, dozen: 12,
};
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};
const VAGUE_MAGNITUDE: Record<string, number> = {
  dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};

const NUMBER_WORDS = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS)].join('|');
const BIG_SCALES = 'hundred|thousand|million|billion|trillion|lakhs?|crores?|dozen';

// ---------------------------------------------------------------------------------------------
// Regexes. Flags: i (case), y (sticky) or g. No 'u': it makes V8 several times slower, so letters beyond ASCII are
// approximated by the ranges Latin-1 to Greek/Cyrillic/CJK-free blocks (\u00C0-\u1FFF), which keeps dashes and quotes out. Nothing here searches
// backwards with `$`: the words before a value are read by hand (wordBefore).

/** Where a value may start: a digit, a number word, "a"/"an" before a scale or fraction word, a vague magnitude. */
const START = new RegExp(
  String.raw`\d|\b(?:(?:an?|several)[ \u00a0]+(?=(?:${BIG_SCALES}|third|quarter|half|fifth|tenth|few[ \u00a0]+(?:hundred|thousand|million|billion))\b)` +
    String.raw`|(?:${NUMBER_WORDS}|tens|dozens|hundreds|thousands|millions|billions|trillions|half)\b)`,
  'gi', // no 'u': it makes V8 three times slower here, and the pattern needs no Unicode classes
);

/** Digits: 1,5 million (decimal comma before a scale word), 1,00,000 (Indian grouping), 3,000.5, 12.5, 846, and
 * groups of three set apart by a narrow, thin or no-break space as SI and French typography write them
 * (11\u202f000). A plain space is not a group separator: "on May 1 250 people" is two numbers. */
const DIGITS_Y =
  /(\d{1,3},\d{1,2}(?=[ \u00a0]+(?:million|billion|trillion|crores?|lakhs?)\b))|(\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)/y;
/** What a group separator may be, taken out before the digits are read. */
const GROUP_SEPARATORS = /[,\u202f\u2009\u00a0]/g;
const SPACE_SCALE_Y = /[ \u00a0]*-?(thousand|million|billion|trillion|lakhs?|crores?|hundred|dozen|bn|mn|tn)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])/iy;
const GLUED_SCALE_Y = /(bn|mn|tn|m|k)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])/iy;
const PERCENT_Y = /[ \u00a0]*(?:(%)|(percentage[ \u00a0]+points?|percent|per[ \u00a0]cent|pc)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF]))/iy;
const CURRENCY_WORD_Y =
  /[ \u00a0]+((?:us[ \u00a0]+|u\.s\.[ \u00a0]+)?dollars?|rupees?|euros?|pounds?(?:[ \u00a0]+sterling)?|yen|usd|eur|gbp|inr|jpy)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])/iy;
const POSTFIX_Y = /[ \u00a0]+or[ \u00a0]+(more|so|fewer|less)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])|-plus(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])|\+(?!\d)/iy;
const RANGE_SEP_Y = /[ \u00a0]*(?:-|–|—)[ \u00a0]*|(?:[ \u00a0]|\r?\n)+(to|and)(?:[ \u00a0]|\r?\n(?![ \t]*\r?\n))+/iy;
const CURRENCY_SIGN_Y = /(?:US|A|C|NZ|HK|S)?\$[ \u00a0]?|[£€¥₹][ \u00a0]?|Rs\.?[ \u00a0]?/y;
const WORD_Y = new RegExp(String.raw`(${NUMBER_WORDS}|${BIG_SCALES}|an?|and|half|halves|thirds?|quarters?|fifths?|tenths?)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])`, 'iy');
const WORD_SEP_Y = /[ \u00a0]+|-(?=[A-Za-z\u00C0-\u024F\u0370-\u1FFF])/y;
const VAGUE_Y =
  /(?:(tens|hundreds)[ \u00a0]+of[ \u00a0]+(thousands|millions|billions))|(several|a[ \u00a0]+few)[ \u00a0]+(hundred|thousand|million|billion)|(dozens|hundreds|thousands|millions|billions|trillions)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])/iy;
const RATING_Y = /\/(10|100|5|4)(?![\d./])/y;
const TIME_AFTER_Y = /:\d|[ \u00a0]?(?:[ap]\.m\.|[ap]m(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF]))/iy;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const MONTH_AFTER_Y = new RegExp(String.raw`[ \u00a0]+(?:of[ \u00a0]+)?(?:${MONTHS})\b`, 'y');
const FOLLOWING_WORD_Y = /[ \u00a0]+([A-Za-z\u00C0-\u024F\u0370-\u1FFF]+)/y;

const MONTH_WORDS = new Set(MONTHS.replace('Sept?', 'Sep|Sept').split('|'));

/** Qualifier phrases (lower case, single spaces) just before the value or its currency sign. */
const QUALIFIERS = new Map<string, Qualifier>();
for (const w of [
  'about', 'around', 'roughly', 'approximately', 'approx', 'approx.', 'some', 'an estimated', 'estimated', 'circa', 'c.',
  'an approximate', 'roughly about', 'around about',
]) QUALIFIERS.set(w, 'approximate');
for (const w of [
  'more than', 'over', 'exceed', 'exceeds', 'exceeded', 'exceeding', 'at least', 'upwards of', 'in excess of', 'above',
  'just over', 'well over', 'greater than', 'higher than', 'larger than', 'no fewer than', 'no less than', 'not less than', 'not fewer than', 'a minimum of',
]) QUALIFIERS.set(w, 'lower');
for (const w of [
  'up to', 'as many as', 'as much as', 'at most', 'fewer than', 'less than', 'under', 'below', 'no more than',
  'not more than', 'just under', 'a maximum of', 'lower than', 'smaller than',
]) QUALIFIERS.set(w, 'upper');
for (const w of ['nearly', 'almost', 'close to', 'just shy of', 'just short of', 'nearing']) QUALIFIERS.set(w, 'nearBelow');
const QUALIFIER_LAST_WORDS = new Set([...QUALIFIERS.keys()].map((k) => k.slice(k.lastIndexOf(' ') + 1)));

/** "from 5 to 7", "rose 5% to 7%": a change, not a range. */
const CHANGE_WORDS = new Set(
  (
    'from rose risen rising fell fallen falling increase increased increasing decrease decreased decreasing dropped ' +
    'dropping climbed jumped grew grown declined slipped surged soared plunged up down'
  ).split(' '),
);
const YEAR_CONTEXT = new Set(
  (
    'in of since by until till from before after during through late early mid end start spring summer autumn fall ' +
    'winter year fiscal fy circa c.'
  ).split(' '),
);
const NOT_HALF = new Set('first second third fourth final latter other back the a an and'.split(' '));
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'INR', 'JPY', 'Rs', 'Rs.']);
const YEAR_FOLLOWERS = new Set(
  (
    'and or to through was is will would saw has had when as in at on for with after before the that which season ' +
    'census election elections olympics budget report survey edition marked brought began ended onwards onward ' +
    'levels figures until till vs versus compared alone, where while if amid during'
  ).split(' '),
);
const NON_MONEY_AFTER_CRORE = new Set(
  (
    'people persons population voters votes users subscribers views viewers farmers households children students ' +
    'workers jobs tonnes tons doses cases members families homes women men devotees pilgrims passengers'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Helpers

function isWordChar(c: number): boolean {
  // letters and digits (ASCII fast path, then a Unicode test for the rest)
  if (c >= 48 && c <= 57) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}


function isSpace(c: number): boolean {
  return c === 32 || c === 160 || c === 9 || c === 10 || c === 13;
}

function isLetter(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return /\p{L}/u.test(String.fromCharCode(c));
}

/** Where the spaces before `pos` start, not reaching before `floor` nor back across a blank line (a paragraph's
 * words never qualify the next paragraph's number). */
function spacesBefore(text: string, pos: number, floor: number): number {
  let e = pos;
  let breaks = 0;
  while (e > floor && isSpace(text.charCodeAt(e - 1))) {
    const c = text.charCodeAt(e - 1);
    if ((c === 10 || (c === 13 && text.charCodeAt(e) !== 10)) && ++breaks === 2) return e;
    e--;
  }
  return e;
}

/** The word that ends just before `pos` (spaces skipped), not reaching before `floor`; a trailing dot is kept ("approx."). */
function wordBefore(text: string, pos: number, floor: number): Span | null {
  const e = spacesBefore(text, pos, floor);
  let s = e;
  if (s > floor && text.charCodeAt(s - 1) === 46) s--;
  const letters = s;
  while (s > floor && isLetter(text.charCodeAt(s - 1))) s--;
  if (s === letters) return null;
  if (s > floor && isWordChar(text.charCodeAt(s - 1))) return null; // glued to a digit: "3rd"
  return { start: s, end: e };
}

/** The qualifier phrase of up to three words ending before `pos`: the longest one known. */
function qualifierBefore(text: string, pos: number, floor: number): { start: number; qualifier: Qualifier } | null {
  const e = spacesBefore(text, pos, floor);
  if (e > floor && text.charCodeAt(e - 1) === 126) return { start: e - 1, qualifier: 'approximate' }; // ~3,000
  const w1 = wordBefore(text, pos, floor);
  if (!w1) return null;
  const last = text.slice(w1.start, w1.end).toLowerCase();
  if (!QUALIFIER_LAST_WORDS.has(last)) return null; // most numbers: "the", "grossed", "of"
  const w2 = wordBefore(text, w1.start, floor);
  const second = w2 ? `${text.slice(w2.start, w2.end).toLowerCase()} ${last}` : '';
  const w3 = w2 ? wordBefore(text, w2.start, floor) : null;
  if (w3) {
    const q = QUALIFIERS.get(`${text.slice(w3.start, w3.end).toLowerCase()} ${second}`);
    if (q !== undefined) return { start: w3.start, qualifier: q };
  }
  if (w2) {
    const q = QUALIFIERS.get(second);
    if (q !== undefined) return { start: w2.start, qualifier: q };
  }
  const q = QUALIFIERS.get(last);
  return q !== undefined ? { start: w1.start, qualifier: q } : null;
}

/** A currency sign or code just before the value: "$", "US$", "£", "Rs.", "USD" (one space allowed). */
function currencyBefore(text: string, at: number, floor: number): { start: number; unit: string } | null {
  let e = at;
  if (e > floor && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 160)) e--;
  if (e <= floor) return null;
  const c = text.charCodeAt(e - 1);
  if (c === 36) {
    // $, with a country prefix glued to it: US$, A$, HK$
    let s = e - 1;
    while (s > floor && s > e - 4 && text.charCodeAt(s - 1) >= 65 && text.charCodeAt(s - 1) <= 90) s--;
    if (s < e - 1 && !(s > floor && isWordChar(text.charCodeAt(s - 1)))) {
      const unit = CURRENCY_OF_SIGN[`${text.slice(s, e - 1).toLowerCase()}$`];
      if (unit !== undefined) return { start: s, unit };
    }
    // tokenised "US $ 10 million"
    const w = wordBefore(text, e - 1, floor);
    if (w && w.end === e - 2 && text.slice(w.start, w.end) === 'US') return { start: w.start, unit: 'USD' };
    return { start: e - 1, unit: 'USD' };
  }
  if (c === 0xa3) return { start: e - 1, unit: 'GBP' };
  if (c === 0x20ac) return { start: e - 1, unit: 'EUR' };
  if (c === 0xa5) return { start: e - 1, unit: 'JPY' };
  if (c === 0x20b9) return { start: e - 1, unit: 'INR' };
  const w = wordBefore(text, e, floor);
  if (w && w.end === e) {
    const word = text.slice(w.start, w.end);
    if (CURRENCY_CODES.has(word)) return { start: w.start, unit: word.startsWith('Rs') ? 'INR' : word };
  }
  return null;
}

function digitsPrecision(intDigits: string, fracDigits: string): number {
  if (fracDigits.length > 0) {
    for (let i = fracDigits.length - 1; i >= 0; i--) if (fracDigits[i] !== '0') return clean(Math.pow(10, -(i + 1)));
  }
  let zeros = 0;
  for (let i = intDigits.length - 1; i >= 0 && intDigits[i] === '0'; i--) zeros++;
  if (zeros === intDigits.length) return 1;
  return Math.pow(10, zeros);
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

const CURRENCY_OF_SIGN: Record<string, string> = {
  $: 'USD', us$: 'USD', a$: 'AUD', c$: 'CAD', nz$: 'NZD', hk$: 'HKD', s$: 'SGD', '£': 'GBP', '€': 'EUR', '¥': 'JPY',
  '₹': 'INR', rs: 'INR', 'rs.': 'INR',
};
function currencyOfWord(w: string, scaled: boolean): string | null {
  const x = w.toLowerCase();
  if (x.includes('dollar') || x === 'usd') return 'USD';
  if (x.startsWith('rupee') || x === 'inr') return 'INR';
  if (x.startsWith('euro') || x === 'eur') return 'EUR';
  if (x === 'yen' || x === 'jpy') return 'JPY';
  if (x === 'gbp' || x.includes('sterling')) return 'GBP';
  if (x.startsWith('pound')) return scaled ? 'GBP' : null; // "5 pounds" is more often a weight
  return null;
}

/** One value read forwards from a position: digits or words, with its scale words. */
interface Value {
  end: number;
  value: number;
  precision: number;
  scaled: boolean;
  /** crore or lakh was the scale */
  indian: boolean;
  fraction: boolean;
  vague: boolean;
  high: number;
  /** A plain integer written in digits without separators (a year candidate). */
  plainDigits: string | null;
  /** the words were only "one" */
  loneOne: boolean;
  /** A rating out of a scale, "6.4/10": 'out-of-10'. */
  outOf?: string;
  /** The scale words' multiplier when the value ends in them ("12 million", "four thousand"), else 1. */
  scaleMult?: number;
}

/** Scale words after a number: up to two, the second larger ("thousand crore", "lakh crore"). */
function readScales(text: string, at: number, allowGlued: boolean): { end: number; mult: number; indian: boolean; glued: boolean } {
  let end = at;
  let mult = 1;
  let indian = false;
  let glued = false;
  let last = 0;
  for (let k = 0; k < 2; k++) {
    let m = k === 0 && allowGlued ? sticky(GLUED_SCALE_Y, text, end) : null;
    if (m) glued = true;
    else m = sticky(SPACE_SCALE_Y, text, end);
    if (!m) break;
    const word = (m[1] as string).toLowerCase();
    const s = SCALES[word] ?? 1;
    if (k > 0 && (s <= last || word === 'dozen')) break;
    if (k > 0 && glued) break;
    mult *= s;
    last = s;
    if (word.startsWith('crore') || word.startsWith('lakh')) indian = true;
    end = m.index + m[0].length;
    if (word === 'dozen') break;
  }
  return { end, mult, indian, glued };
}

function readDigits(text: string, at: number, currency: boolean): Value | null {
  const m = sticky(DIGITS_Y, text, at);
  if (!m) return null;
  let end = at + m[0].length;
  const decimalComma = m[1] !== undefined;
  const raw = m[0];
  const next = text.charCodeAt(end);
  // A rating: "6.4/10", "4/5" (but not "3/4/2020" or "24/7")
  const rating = next === 47 ? sticky(RATING_Y, text, end) : null;
  if (rating) {
    const value = Number(raw.replace(GROUP_SEPARATORS, ''));
    const dot = raw.indexOf('.');
    return {
      end: end + rating[0].length, value, high: value, precision: digitsPrecision(dot < 0 ? raw : raw.slice(0, dot), dot < 0 ? '' : raw.slice(dot + 1)),
      scaled: false, indian: false, fraction: false, vague: false, plainDigits: null, loneOne: false, outOf: `out-of-${rating[1] as string}`,
    };
  }
  // Glued to something else: "1.2.3", "10:30", "3/4", "2,3", "12abc" (but "3.5bn", "$5m" are scales).
  if ((next === 46 || next === 44 || next === 58 || next === 47) && isDigit(text.charCodeAt(end + 1))) return null;
  let scales = { end, mult: 1, indian: false, glued: false };
  if (isWordChar(next)) {
    const g = sticky(GLUED_SCALE_Y, text, end);
    if (!g) return null;
    const w = (g[1] as string).toLowerCase();
    if ((w === 'm' || w === 'k') && !currency) return null; // "5m" may be metres, "10k" a race
    scales = readScales(text, end, true);
  } else {
    scales = readScales(text, end, false);
  }
  if (sticky(TIME_AFTER_Y, text, end)) return null;
  let intDigits: string;
  let fracDigits: string;
  if (decimalComma) {
    const [a = '', b = ''] = raw.split(',');
    intDigits = a;
    fracDigits = b;
  } else {
    const plain = raw.replace(GROUP_SEPARATORS, '');
    const dot = plain.indexOf('.');
    intDigits = dot < 0 ? plain : plain.slice(0, dot);
    fracDigits = dot < 0 ? '' : plain.slice(dot + 1);
  }
  // "000" in "1 000 soldiers" (a plain space taken for a group separator), "007", "0800 hours": no figure a
  // writer states starts with a zero it does not need.
  if (intDigits.length > 1 && intDigits.charCodeAt(0) === 48) return null;
  const base = Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
  if (!Number.isFinite(base)) return null;
  end = scales.end;
  const value = clean(base * scales.mult);
  return {
    end,
    value,
    high: value,
    precision: clean(digitsPrecision(intDigits, fracDigits) * scales.mult),
    scaled: scales.mult !== 1,
    scaleMult: scales.mult,
    indian: scales.indian,
    fraction: false,
    vague: false,
    plainDigits: !decimalComma && raw === intDigits && scales.mult === 1 ? raw : null,
    loneOne: false,
  };
}

type Kind = 'start' | 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

/** Spelled-out numbers: "three thousand", "twenty-five", "a thousand", "two dozen", "two-thirds", "half a million". */
function readWords(text: string, at: number): Value | null {
  let pos = at;
  let total = 0;
  let cur = 0;
  let kind: Kind = 'start';
  let lastScale = Infinity;
  let end = at;
  let tokens = 0;
  let firstWord = '';
  let indian = false;
  let scaled = false;
  let done = false;
  while (!done) {
    const m = sticky(WORD_Y, text, pos);
    if (!m) break;
    const w = (m[1] as string).toLowerCase();
    const wEnd = m.index + m[0].length;
    if (w === 'and') {
      // "two hundred and fifty", "two and a half million"
      if (kind !== 'hundred' && kind !== 'scale' && kind !== 'unit' && kind !== 'teen' && kind !== 'tens') break;
      const sep = sticky(WORD_SEP_Y, text, wEnd);
      if (!sep) break;
      const after = sticky(WORD_Y, text, wEnd + sep[0].length);
      if (!after) break;
      const a = (after[1] as string).toLowerCase();
      if (a === 'a') {
        // "and a half"
        const sep2 = sticky(WORD_SEP_Y, text, after.index + after[0].length);
        const half = sep2 ? sticky(WORD_Y, text, after.index + after[0].length + sep2[0].length) : null;
        if (!half || (half[1] as string).toLowerCase() !== 'half' || kind === 'hundred' || kind === 'scale') break;
        cur += 0.5;
        kind = 'teen'; // only a scale word may follow
        end = half.index + half[0].length;
        tokens += 3;
      } else if ((kind === 'hundred' || kind === 'scale') && (a in UNITS || a in TEENS || a in TENS)) {
        pos = after.index; // read the number word in the next round
        continue;
      } else break;
      const sep3 = sticky(WORD_SEP_Y, text, end);
      if (!sep3) break;
      pos = end + sep3[0].length;
      continue;
    }
    if (tokens === 0) firstWord = w;
    let ok = true;
    if (w === 'a' || w === 'an') {
      ok = kind === 'start';
      if (ok) { cur = 1; kind = 'a'; }
    } else if (w in UNITS) {
      ok = kind === 'start' || kind === 'tens' || kind === 'hundred' || kind === 'scale';
      if (ok) { cur += UNITS[w] as number; kind = 'unit'; }
    } else if (w in TEENS) {
      ok = kind === 'start' || kind === 'hundred' || kind === 'scale';
      if (ok) { cur += TEENS[w] as number; kind = 'teen'; }
    } else if (w in TENS) {
      ok = kind === 'start' || kind === 'hundred' || kind === 'scale';
      if (ok) { cur += TENS[w] as number; kind = 'tens'; }
    } else if (w === 'hundred') {
      ok = (kind === 'unit' || kind === 'teen' || kind === 'a') && cur < 100;
      if (ok) { cur = (cur || 1) * 100; kind = 'hundred'; scaled = true; }
    } else if (w === 'dozen') {
      ok = kind === 'unit' || kind === 'teen' || kind === 'a';
      if (ok) { cur *= 12; kind = 'scale'; done = true; scaled = true; }
    } else if (w in SCALES) {
      const s = SCALES[w] as number;
      if (kind === 'scale' && s > lastScale && tokens > 0) {
        // "thousand crore", "lakh crore"
        total *= s;
        lastScale = s;
      } else {
        ok = (kind === 'unit' || kind === 'teen' || kind === 'tens' || kind === 'hundred' || kind === 'a') && s < lastScale;
        if (ok) { total += (cur || 1) * s; cur = 0; lastScale = s; kind = 'scale'; }
      }
      if (ok) { scaled = true; if (w.startsWith('crore') || w.startsWith('lakh')) indian = true; }
    } else if (w in DENOMINATORS) {
      // "two-thirds", "a quarter", "one half"
      ok = (kind === 'a' || kind === 'unit') && total === 0 && cur >= 1 && cur < 10 && readsAsFraction(text, wEnd, cur === 1);
      if (ok) {
        const frac = cur / (DENOMINATORS[w] as number);
        return finishFraction(text, wEnd, frac);
      }
    } else ok = false;
    if (!ok) break;
    tokens++;
    end = wEnd;
    const sep = sticky(WORD_SEP_Y, text, end);
    if (!sep) break;
    pos = end + sep[0].length;
  }
  if (tokens === 0 || kind === 'a') return null;
  const value = clean(total + cur);
  return {
    end,
    value,
    high: value,
    precision: placeValue(value),
    scaled,
    scaleMult: cur === 0 && kind === 'scale' && Number.isFinite(lastScale) ? total / Math.max(1, Math.round(total / lastScale)) : 1,
    indian,
    fraction: false,
    vague: false,
    plainDigits: null,
    loneOne: tokens === 1 && firstWord === 'one',
  };
}

const FRACTION_COMPOUND_Y = /-(?!(?:million|billion|trillion|thousand|dozen)\b)[a-z]/iy;
const NEXT_WORD_Y = /[ \u00a0]+([a-z]+)/iy;
/** Words after "a third", "a quarter" that keep it a fraction; "a third day", "a quarter century" are not. */
const FRACTION_FOLLOWERS = new Set(
  (
    'of were was are is have had has say said says will would could may might did do think believe back backed ' +
    'support supported oppose opposed voted live lived died remain remained percent more less fewer million billion ' +
    'thousand dozen or and to in on at from since by for among'
  ).split(' '),
);
/** "a third of", "a quarter were", "two-thirds majority"; not "a third day", "quarter-final", "a half-hour". */
function readsAsFraction(text: string, end: number, single: boolean): boolean {
  if (sticky(FRACTION_COMPOUND_Y, text, end)) return false;
  if (!single) return true;
  const next = sticky(NEXT_WORD_Y, text, end);
  return next === null || FRACTION_FOLLOWERS.has((next[1] as string).toLowerCase());
}

/** After a fraction: "half a million", "a quarter of a million", "two-thirds of a billion" are counts. */
const FRACTION_OF_Y = /(?:[ \u00a0]+|-(?=[a-z]))(?:of[ \u00a0]+)?(?:an?[ \u00a0]+)?(million|billion|trillion|thousand|dozen|lakh|crore)(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF])/iy;
function finishFraction(text: string, end: number, frac: number): Value {
  const m = sticky(FRACTION_OF_Y, text, end);
  if (m) {
    const w = (m[1] as string).toLowerCase();
    const value = clean(frac * (SCALES[w] as number));
    return {
      end: m.index + m[0].length, value, high: value, precision: placeValue(value), scaled: true,
      indian: w === 'lakh' || w === 'crore', fraction: false, vague: false, plainDigits: null, loneOne: false,
    };
  }
  const value = clean(frac);
  return {
    end, value, high: value, precision: clean(value / 10), scaled: false, indian: false, fraction: true, vague: false,
    plainDigits: null, loneOne: false,
  };
}

function readVague(text: string, at: number): Value | null {
  const m = sticky(VAGUE_Y, text, at);
  if (!m) return null;
  let low: number;
  let high: number;
  let magnitude: number;
  if (m[1] !== undefined) {
    const inner = (m[1] as string).toLowerCase() === 'tens' ? 10 : 100;
    magnitude = inner * (VAGUE_MAGNITUDE[(m[2] as string).toLowerCase()] as number);
    low = 2 * magnitude;
    high = 10 * magnitude;
  } else if (m[3] !== undefined) {
    magnitude = SCALES[(m[4] as string).toLowerCase()] as number;
    const few = (m[3] as string).toLowerCase() !== 'several';
    low = (few ? 2 : 3) * magnitude;
    high = (few ? 5 : 10) * magnitude;
  } else {
    const w = (m[5] as string).toLowerCase();
    magnitude = VAGUE_MAGNITUDE[w] as number;
    low = 2 * magnitude;
    high = w === 'dozens' ? 144 : 10 * magnitude;
  }
  return {
    end: at + m[0].length, value: low, high, precision: magnitude, scaled: true, indian: false, fraction: false,
    vague: true, plainDigits: null, loneOne: false,
  };
}

/** "half" on its own: "half of the troops", "nearly half", but not "second half", "half-time". */
const HALF_Y = /half(?=-(?:million|billion|trillion|thousand|dozen)\b|(?![A-Za-z0-9\u00C0-\u024F\u0370-\u1FFF-]))/iy;
/** "half the troops", "half of them", "nearly half were": not "half an hour" (a duration, not a share). */
const HALF_NOT_Y = /[ \u00a0]+an?[ \u00a0]+(?:hour|day|week|month|year|century|decade|mile|minute|second|point|inch|foot|metre|meter|kilometre|kilometer)s?\b/iy;
function readHalf(text: string, at: number): Value | null {
  if (!sticky(HALF_Y, text, at)) return null;
  if (sticky(HALF_NOT_Y, text, at + 4)) return null;
  const w = wordBefore(text, at, 0);
  if (w && NOT_HALF.has(text.slice(w.start, w.end).toLowerCase())) return null;
  return finishFraction(text, at + 4, 0.5);
}

function readValue(text: string, at: number, currency: boolean): Value | null {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return readDigits(text, at, currency);
  return readVague(text, at) ?? (/h/i.test(text[at] ?? '') ? readHalf(text, at) : null) ?? readWords(text, at);
}

function isListMarker(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (next !== 46 && next !== 41) return false; // . )
  const after = text.charCodeAt(end + 1);
  if (!(Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13)) return false;
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** A digit run that is glued to a word or id ("COVID-19", "A320", "v2", "3/4", "#1"). */
function gluedBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const p = text.charCodeAt(at - 1);
  if (isWordChar(p)) return true;
  if (p === 35 || p === 61) return true; // #1, id=3369
  // "COVID-19", "3/4", "10:30", "v1.2", "2019–20"
  if (p === 45 || p === 47 || p === 58 || p === 46 || p === 44 || p === 0x2013) return at >= 2 && isWordChar(text.charCodeAt(at - 2));
  return false;
}

/** Skip past the rest of a rejected token so its later digits are not read on their own. */
const SKIP_Y = /[\p{L}\p{N}_]*(?:[.,:/-][\p{L}\p{N}_]+)*/uy;

// ---------------------------------------------------------------------------------------------

/** Every number, range and vague magnitude in `text`, in order, non-overlapping, with its qualifier. */
/** `limit`: stop once this many and one more are found (the one more says where the text was cut). */
export function findNumbers(text: string, limit = Infinity): NumberMention[] {
  const out: NumberMention[] = [];
  const re = START;
  re.lastIndex = 0;
  let floor = 0; // no mention may start before this (end of the previous one)
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = m.index;
    const isDig = isDigit(text.charCodeAt(at));
    if (isDig && gluedBefore(text, at)) {
      const s = sticky(SKIP_Y, text, at);
      re.lastIndex = Math.max(at + 1, s ? at + s[0].length : at + 1);
      continue;
    }
    const mention = readMention(text, at, floor);
    if (!mention) {
      if (isDig) {
        const s = sticky(SKIP_Y, text, at);
        re.lastIndex = Math.max(at + 1, s ? at + s[0].length : at + 1);
      } else re.lastIndex = at + Math.max(1, m[0].length);
      continue;
    }
    out.push(mention);
    if (out.length > limit) break;
    floor = mention.end;
    re.lastIndex = mention.end;
  }
  return out;
}

function readMention(text: string, at: number, floor: number): NumberMention | null {
  // Look behind: currency sign, then qualifier words.
  let valueStart = at;
  let unit: string | null = null;
  const cur = currencyBefore(text, at, floor);
  if (cur) {
    valueStart = cur.start;
    unit = cur.unit;
  }
  const v = readValue(text, at, unit !== null);
  if (!v) return null;
  if (v.loneOne) {
    // "one" alone is a pronoun; "one percent" is a figure.
    const p = sticky(PERCENT_Y, text, v.end);
    if (!p) return null;
  }
  let end = v.end;
  if (v.outOf !== undefined) unit = v.outOf;
  let low = v.value;
  let high = v.high;
  let precision = v.precision;
  let isRange = false;
  let indian = v.indian;
  let scaled = v.scaled;

  // Not figures: list markers, days of a month.
  if (v.plainDigits !== null && unit === null) {
    if (isListMarker(text, at, end)) return null;
    if (v.value >= 1 && v.value <= 31 && v.plainDigits.length <= 2) {
      const w = wordBefore(text, at, floor);
      const month = w ? text.slice(w.start, text.charCodeAt(w.end - 1) === 46 ? w.end - 1 : w.end) : '';
      if (MONTH_WORDS.has(month) || sticky(MONTH_AFTER_Y, text, end)) return null;
    }
  }

  const wordBeforeValue = wordBefore(text, valueStart, floor);
  const previous = wordBeforeValue ? text.slice(wordBeforeValue.start, wordBeforeValue.end).toLowerCase() : '';
  const between = previous === 'between' ? wordBeforeValue : null;
  const from = CHANGE_WORDS.has(previous);

  // Percent after the first value ("10-12%" is read from the second).
  let percent = sticky(PERCENT_Y, text, end);
  if (percent && !v.vague && !v.fraction && v.outOf === undefined) {
    unit = (percent[2] ?? '').toLowerCase().startsWith('percentage') ? 'percentage-point' : 'percent';
    end = percent.index + percent[0].length;
  } else percent = null;

  // Range: "10,000 to 12,000", "between 10,000 and 12,000", "10,000-12,000", "10 to 12 million", "$10m-$12m".
  if (!v.vague && !v.fraction && !from && v.outOf === undefined) {
    const sep = sticky(RANGE_SEP_Y, text, end);
    const word = sep?.[1]?.toLowerCase();
    if (sep && (word !== 'and' || between)) {
      let at2 = end + sep[0].length;
      const sign = sticky(CURRENCY_SIGN_Y, text, at2);
      if (sign && unit !== null && unit !== 'percent') at2 += sign[0].length;
      const c2 = text.charCodeAt(at2);
      const v2 = isDigit(c2) === isDigit(text.charCodeAt(at)) ? readValue(text, at2, unit !== null) : null;
      if (v2 && !v2.vague && !v2.fraction && !v2.loneOne) {
        let lo = v.value;
        let loPrecision = v.precision;
        if (!v.scaled && v2.scaled && v2.value > 0) {
          // "10 to 12 million": the scale covers both ends when the first is smaller as written
          const mult = v2.scaleMult ?? 1;
          if (Number.isFinite(mult) && mult > 1 && v.value <= v2.value / mult) {
            lo = clean(v.value * mult);
            loPrecision = clean(v.precision * mult);
          }
        }
        let end2 = v2.end;
        const p2 = sticky(PERCENT_Y, text, end2);
        const unitOk = percent ? true : !p2 || unit === null;
        if (v2.value > lo && unitOk) {
          if (p2) {
            unit = (p2[2] ?? '').toLowerCase().startsWith('percentage') ? 'percentage-point' : 'percent';
            end2 = p2.index + p2[0].length;
          }
          isRange = true;
          low = lo;
          high = v2.value;
          precision = Math.min(loPrecision, v2.precision);
          end = end2;
          indian = indian || v2.indian;
          scaled = scaled || v2.scaled;
        }
      }
    }
  }

  // Currency named after the value: "10 million dollars", "5 crore rupees".
  if (unit === null && !v.fraction) {
    const cw = sticky(CURRENCY_WORD_Y, text, end);
    if (cw) {
      const u = currencyOfWord(cw[1] as string, scaled);
      if (u) {
        unit = u;
        end = cw.index + cw[0].length;
      }
    }
  }
  if (unit === null && indian) {
    const next = sticky(FOLLOWING_WORD_Y, text, end);
    if (!next || !NON_MONEY_AFTER_CRORE.has((next[1] as string).toLowerCase())) unit = 'INR';
  }

  // Qualifier before (or "between" for a range), else a postfix one ("3,000 or more", "3,000-plus").
  let start = valueStart;
  let qualifier: Qualifier = 'exact';
  if (isRange && between) start = between.start;
  const q = qualifierBefore(text, start, floor);
  if (q) {
    qualifier = q.qualifier;
    start = q.start;
  } else if (!v.vague) {
    const post = sticky(POSTFIX_Y, text, end);
    if (post) {
      const w = (post[1] ?? 'plus').toLowerCase();
      qualifier = w === 'so' ? 'approximate' : w === 'fewer' || w === 'less' ? 'upper' : 'lower';
      end = post.index + post[0].length;
    }
  }

  // Year: a bare four-digit number 1800..2100 that reads as a year.
  let yearLike = false;
  if (!isRange && v.plainDigits !== null && v.plainDigits.length === 4 && unit === null && qualifier === 'exact') {
    yearLike = v.value >= 1800 && v.value <= 2100 && readsAsYear(text, valueStart, end, floor);
  } else if (!isRange && v.plainDigits !== null && v.plainDigits.length === 4 && unit === null && qualifier === 'approximate') {
    // "around 2020, ...", "circa 1900": a year when what follows does not make it a count ("about 1900 troops")
    yearLike = v.value >= 1800 && v.value <= 2100 && followsAsYear(text, end);
  } else if (isRange && unit === null && qualifier === 'exact' && !scaled && low >= 1800 && high <= 2100 && Number.isInteger(low) && Number.isInteger(high)) {
    const t = text.slice(valueStart, end);
    yearLike = /^\d{4}\D+\d{4}$/.test(t) && readsAsYear(text, valueStart, end, floor);
  }

  // A minus sign glued to a lone figure: "-3.2%", "−0.5"
  if (valueStart === at && start === at && !isRange && !v.vague && at > 0 && isDigit(text.charCodeAt(at))) {
    const sign = text.charCodeAt(at - 1);
    const before = at > 1 ? text.charCodeAt(at - 2) : 32;
    if ((sign === 45 || sign === 0x2212) && (isSpace(before) || before === 40) && at - 1 >= floor) {
      start = valueStart = at - 1;
      [low, high] = [-high, -low];
    }
  }

  return {
    start,
    end,
    text: text.slice(start, end),
    valueStart,
    low,
    high,
    isRange,
    vague: v.vague,
    qualifier,
    unit,
    precision,
    fraction: v.fraction,
    yearLike,
  };
}

function readsAsYear(text: string, start: number, end: number, floor: number): boolean {
  const w = wordBefore(text, start, floor);
  if (w) {
    const word = text.slice(w.start, w.end);
    if (YEAR_CONTEXT.has(word.toLowerCase()) || MONTH_WORDS.has(word.replace(/\.$/, ''))) return true;
  } else {
    // "(2019)", "1990–2000", "December 23, 2024", "23 March 2014"
    let i = start;
    while (i > floor && isSpace(text.charCodeAt(i - 1))) i--;
    const c = text.charCodeAt(i - 1);
    if (c === 40 || c === 91 || c === 45 || c === 0x2013) return true;
    if (c === 44) i--;
    while (i > floor && isSpace(text.charCodeAt(i - 1))) i--;
    if (isDigit(text.charCodeAt(i - 1))) return true;
  }
  return followsAsYear(text, end);
}

/** What follows a four-digit number lets it be a year: punctuation, a capital, "was", "season". */
function followsAsYear(text: string, end: number): boolean {
  const next = sticky(FOLLOWING_WORD_Y, text, end);
  if (!next) return true; // punctuation or end: "... in 2024."
  const nw = next[1] as string;
  if (nw !== nw.toLowerCase()) return true; // "2024 Olympics"
  return YEAR_FOLLOWERS.has(nw);
}
