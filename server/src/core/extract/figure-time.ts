// The time a figure holds at: "as of 29 April", "before April 23, 2020", "at the 2010 census".
import type { DateMention, FigureMention, Sentence } from '../types';

const RELATION_BEFORE = /\b(before|until|till|prior to|by|as of|as at|in|on|at|during|since|after|from|through)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$/i;

/** whenOf for each sentence index of one findFigures call (it depends on the sentence only), and whether it
 * came from censusYear. Each figure still gets its own value, as when it was computed per figure: the
 * text's date mentions are shared, a census year's DateMention is made per figure. */
export type WhenCache = Map<number, { when: FigureMention['when']; census: boolean }>;

/** `dates`: the text's dates (those of sentence `si` are enough), or undefined when the text's dates are not known. */
export function whenOf(sentence: Sentence, dates: readonly DateMention[] | undefined, si: number, cache: WhenCache): FigureMention['when'] {
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
