// Date mentions in prose: absolute dates (December 23, Dec. 23, 23 December 2024, June 2024, 2024-12-23),
// years in date context (in 2024, late 2024, mid-2024), relative dates (last August, this past June,
// earlier this week), weekdays (on Friday) and holidays (on Christmas, New Year's Eve).
//
// One pass of one regex over the text: every alternative starts at its own token (a month, a digit, a
// weekday, a holiday, a part word or a relative word), and the context a bare token needs ("in June",
// "since 2022", "on Christmas") is checked in code by looking at the word before it. That keeps "May" the
// modal verb, "March" the verb and "2000 troops" out, and keeps the scan linear.
import type { DateMention, Sentence } from '../types';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_OF = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_OF.set(m, i + 1);
  MONTH_OF.set(m.slice(0, 3), i + 1);
});
MONTH_OF.set('sept', 9);

const WEEKDAY_OF = new Map<string, number>(
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d, i) => [d, i]),
);

/** Holiday name (lower case, normalised) -> [holiday key, month, day] (month/day null when they move). */
const HOLIDAYS = new Map<string, [string, number | null, number | null]>([
  ['christmas', ['christmas', 12, 25]],
  ['christmas day', ['christmas', 12, 25]],
  ['christmas eve', ['christmas eve', 12, 24]],
  ['new year', ['new year', 1, 1]],
  ['new years', ['new year', 1, 1]],
  ['new years day', ['new year', 1, 1]],
  ['new year day', ['new year', 1, 1]],
  ['new years eve', ['new year eve', 12, 31]],
  ['new year eve', ['new year eve', 12, 31]],
  ['thanksgiving', ['thanksgiving', 11, null]],
  ['thanksgiving day', ['thanksgiving', 11, null]],
  ['easter', ['easter', null, null]],
  ['easter sunday', ['easter', null, null]],
  ['easter monday', ['easter monday', null, null]],
  ['halloween', ['halloween', 10, 31]],
]);

/** The fixed month and day of a holiday key, if it has them. */
export function holidayDate(holiday: string): { month: number | null; day: number | null } {
  const h = HOLIDAYS.get(holiday);
  return h ? { month: h[1], day: h[2] } : { month: null, day: null };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Whitespace between the words of one date: spaces, or one line break (hard-wrapped Markdown).
const WS = '(?:[ \\t\\u00a0]+|[ \\t]*\\r?\\n[ \\t]*)';
const FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const ABBR = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const MON = `(?:${FULL}|${ABBR})(?![\\p{L}])`;
const FULLMON = `(?:${FULL})(?![\\p{L}])`;
const WD = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\\p{L}])';
const YEAR = '(?:19|20)\\d\\d(?![\\d\\p{L}]|[-–/]\\d)';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?![\\d\\p{L}]|[.,]\\d)';
const HOL =
  `(?:Christmas(?:${WS}(?:Day|Eve))?|New${WS}Year(?:['’]s)?(?:${WS}(?:Day|Eve))?|Thanksgiving(?:${WS}Day)?` +
  `|Easter(?:${WS}(?:Sunday|Monday))?|Halloween)(?![\\p{L}])`;
const PART = `[Ee]arly|[Ll]ate|[Mm]id|(?:[Ee]nd|[Cc]lose|[Ss]tart|[Bb]eginning|[Mm]iddle)${WS}of`;
const REL = `[Ll]ast|[Tt]his${WS}past|[Nn]ext|[Tt]his|[Ee]arlier${WS}this|[Ll]ater${WS}this`;

// Group numbers are fixed by the order of the capturing groups below (named groups cannot repeat in
// Node 20, and numbered access is cheaper).
const DATE_RE = new RegExp(
  // Cheap first test: a digit, a capital, or one of the lower-case words a date can start with.
  '\\b(?=[0-9A-Z]|[Ee]arl|[Ll]at|[Mm]id|[Ee]nd|[Cc]lose|[Ss]tart|[Bb]eginning|[Ll]ast|[Tt]his|[Nn]ext)(?:' +
    [
      /* 1-3 ISO */ '((?:19|20)\\d\\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![\\d\\p{L}]|-\\d)',
      /* 4-7 [Weekday,] Month Day[, Year] */ `(?:(${WD}),?${WS})?(${MON})${WS}(${DAY})(?:,?${WS}(${YEAR}))?`,
      /* 8-11 [Weekday,] Day [of] Month [Year] */ `(?:(${WD}),?${WS})?(${DAY})${WS}(?:of${WS})?(${MON})(?:,?${WS}(${YEAR}))?`,
      /* 12-13 Month [,|of] Year */ `(${MON}),?${WS}(?:of${WS})?(${YEAR})`,
      /* 14-17 part + Year | Month [Year] */ `(${PART})(?:-|${WS})(?:(${YEAR})|(${FULLMON})(?:,?${WS}(${YEAR}))?)`,
      /* 18-22 relative */ `(${REL})${WS}(?:(${FULLMON})|(${WD})|(${HOL})|(week(?:end)?|month|year)(?![\\p{L}]))`,
      /* 23 holiday */ `(${HOL})`,
      /* 24 weekday */ `(${WD})`,
      /* 25 month */ `(${FULLMON})`,
      /* 26 year */ `(${YEAR})`,
    ].join('|') +
    ')',
  'gu',
);

// Words that put a bare month, year or holiday in date context.
const MONTH_CONTEXT = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'during', 'from', 'before', 'after', 'through', 'throughout', 'of', 'to',
  'between', 'around', 'last', 'next', 'past', 'this',
]);
const YEAR_CONTEXT = new Set([
  'in', 'since', 'by', 'until', 'till', 'during', 'from', 'before', 'after', 'through', 'throughout', 'of', 'to',
  'between', 'around', 'circa', 'year',
]);
const HOLIDAY_CONTEXT = new Set([
  'on', 'at', 'over', 'before', 'after', 'since', 'until', 'till', 'by', 'during', 'around', 'for',
]);
// "Good Friday", "Black Friday" are not the weekday of an event.
const NOT_WEEKDAY_BEFORE = new Set(['good', 'black', 'cyber', 'holy', 'ash', 'palm', 'super', 'bloody', 'man']);
// "in the past week", "within the last week", "during the last month", "over the next year": time windows
// (the figure extractor's scope), not dates.
const WINDOW_BEFORE = new Set([
  'in', 'within', 'during', 'over', 'for', 'throughout', 'the', 'of', 'since', 'past', 'from', 'than', 'per', 'each',
  'every', 'a', 'all', 'whole', 'entire',
]);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** The ASCII word just before offset i (skipping spaces), lower-cased; '' when punctuation intervenes. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
  let k = j;
  while (k > 0 && j - k < 20 && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  return text.slice(k, j).toLowerCase();
}

/** "June and August", "2022 to 2024": a bare token joined to the previous date by a conjunction. */
function joinedToPrevious(text: string, prevEnd: number, start: number): boolean {
  if (prevEnd < 0 || start - prevEnd > 12) return false;
  return /^\s*(?:,|and|or|to|through|until|-|–|—)\s*(?:and\s+|or\s+)?(?:early\s+|late\s+|mid-?)?$/i.test(text.slice(prevEnd, start));
}

/** A digit earlier in the same clause (back to punctuation, at most 80 characters): "1,000 killed last week". */
function figureBefore(text: string, start: number): boolean {
  const stop = Math.max(0, start - 80);
  for (let i = start - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    // A comma ends the clause unless it is a thousands separator (digit on both sides: caught above first).
    if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 0x2014 || c === 0x2013 || c === 10) {
      return false;
    }
    if (c === 44 && !(i > 0 && /\d/.test(text[i - 1] as string))) return false;
  }
  return false;
}

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_OF.get(w) ?? MONTH_OF.get(w.slice(0, 3)) ?? null;
}

function dayOf(s: string): number {
  return parseInt(s, 10);
}

function holidayOf(s: string): [string, number | null, number | null] | null {
  const key = s.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' ');
  return HOLIDAYS.get(key) ?? null;
}

function partOf(s: string): 'early' | 'mid' | 'late' {
  const w = s.toLowerCase();
  if (w.startsWith('early') || w.startsWith('start') || w.startsWith('beginning')) return 'early';
  if (w.startsWith('mid')) return 'mid';
  return 'late';
}

function relativeOf(s: string): string {
  const w = s.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'last') return 'last';
  if (w === 'this past') return 'this past';
  if (w === 'next') return 'next';
  return 'this';
}

function validDay(year: number | null, month: number | null, day: number | null): boolean {
  if (day === null || month === null) return true;
  if (day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 31)) return false;
  if (month === 2 && day === 29 && year !== null && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  return true;
}

/** Dates by their sentence number, each list in the order given (text order for findDates' list). */
export function datesBySentence(dates: readonly DateMention[]): Map<number, DateMention[]> {
  const bySentence = new Map<number, DateMention[]>();
  for (const d of dates) {
    const list = bySentence.get(d.sentence);
    if (list) list.push(d);
    else bySentence.set(d.sentence, [d]);
  }
  return bySentence;
}

/**
 * Every date mention in `text`, sorted and non-overlapping; `text` of each is text.slice(start, end).
 * `sentence` indexes `sentences` (which must be sorted; -1 only when `sentences` is empty).
 */
export function findDates(text: string, sentences: readonly Sentence[]): DateMention[] {
  const out: DateMention[] = [];
  const re = DATE_RE;
  re.lastIndex = 0;
  let prevEnd = -1;
  let si = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let year: number | null = null;
    let month: number | null = null;
    let day: number | null = null;
    let weekday: number | null = null;
    let holiday: string | null = null;
    let part: 'early' | 'mid' | 'late' | null = null;
    let relative: string | null = null;
    let ok = true;
    const g = m;
    if (g[1] !== undefined) {
      year = +g[1];
      month = +(g[2] as string);
      day = +(g[3] as string);
    } else if (g[5] !== undefined) {
      weekday = g[4] !== undefined ? (WEEKDAY_OF.get(g[4].toLowerCase()) ?? null) : null;
      month = monthOf(g[5]);
      day = dayOf(g[6] as string);
      year = g[7] !== undefined ? +g[7] : null;
    } else if (g[9] !== undefined) {
      weekday = g[8] !== undefined ? (WEEKDAY_OF.get(g[8].toLowerCase()) ?? null) : null;
      day = dayOf(g[9]);
      month = monthOf(g[10] as string);
      year = g[11] !== undefined ? +g[11] : null;
    } else if (g[12] !== undefined) {
      month = monthOf(g[12]);
      year = +(g[13] as string);
    } else if (g[14] !== undefined) {
      part = partOf(g[14]);
      if (g[15] !== undefined) year = +g[15];
      else {
        month = monthOf(g[16] as string);
        year = g[17] !== undefined ? +g[17] : null;
      }
    } else if (g[18] !== undefined) {
      relative = relativeOf(g[18]);
      if (g[19] !== undefined) month = monthOf(g[19]);
      else if (g[20] !== undefined) weekday = WEEKDAY_OF.get(g[20].toLowerCase()) ?? null;
      else if (g[21] !== undefined) {
        const h = holidayOf(g[21]);
        if (h) [holiday, month, day] = h;
        else ok = false;
      } else {
        // "last week", "this year": vague. Keep them only where they date an event, not where they bound a
        // figure's time window ("1,000 killed in the past week", "during the last month alone").
        const earlierLater = /^(?:earlier|later)/i.test(g[18]);
        if (!earlierLater) {
          if (WINDOW_BEFORE.has(wordBefore(text, start))) ok = false;
          else if (/^\s+alone\b/i.test(text.slice(end, end + 8))) ok = false;
          else if (figureBefore(text, start)) ok = false;
        }
      }
    } else if (g[23] !== undefined) {
      const h = holidayOf(g[23]);
      if (!h) ok = false;
      else {
        const sure = /(?:Day|Eve|Sunday|Monday)$/.test(g[23]);
        if (!sure && !HOLIDAY_CONTEXT.has(wordBefore(text, start)) && !joinedToPrevious(text, prevEnd, start)) ok = false;
        else [holiday, month, day] = h;
      }
    } else if (g[24] !== undefined) {
      if (NOT_WEEKDAY_BEFORE.has(wordBefore(text, start))) ok = false;
      else weekday = WEEKDAY_OF.get(g[24].toLowerCase()) ?? null;
    } else if (g[25] !== undefined) {
      // A bare month needs date context: "in June", "since March", "June and July". Not "May be", "March on".
      if (!MONTH_CONTEXT.has(wordBefore(text, start)) && !joinedToPrevious(text, prevEnd, start)) ok = false;
      else month = monthOf(g[25]);
    } else if (g[26] !== undefined) {
      // A bare year needs date context: "in 2024", "since 2022", "2022 and 2024"; not "in 2024-25", "2024%".
      const after = text.slice(end, end + 2);
      if (/^(?:[-–/.,:]\d|%|\s*%)/.test(after)) ok = false;
      else if (!YEAR_CONTEXT.has(wordBefore(text, start)) && !joinedToPrevious(text, prevEnd, start)) ok = false;
      else if (text.charCodeAt(start - 1) === 36 /* $ */) ok = false;
      else year = +g[26];
    }
    if (ok && !validDay(year, month, day)) ok = false;
    if (ok && month !== null && (month < 1 || month > 12)) ok = false;
    if (!ok) {
      re.lastIndex = start + 1;
      continue;
    }
    while (si < sentences.length - 1 && (sentences[si] as Sentence).end <= start) si++;
    out.push({
      kind: 'date',
      start,
      end,
      text: m[0],
      year,
      month,
      day,
      weekday,
      holiday,
      part,
      relative,
      sentence: sentences.length === 0 ? -1 : si,
    });
    prevEnd = end;
  }
  return out;
}
