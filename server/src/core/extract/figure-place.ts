// Which people and where: a figure's group ("North Korean", "Russian", from its phrase or its sentence) and its
// place ("worldwide", "in India", "in the United States and Canada").
import type { NumberMention, Sentence, Span } from '../types';
import { DEMONYMS, PERSON_KEYS, PLACE_GROUP, type Word } from './figure-words';

export function groupOf(text: string, phrase: Word[], clause: Span, n: NumberMention): string | null {
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
export function contextGroup(text: string, sentences: readonly Sentence[], si: number, at: number, cache: GroupCache): string | null {
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
export interface GroupCache {
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

const PLACE_ALIASES: [RegExp, string][] = [
  [/^(?:worldwide|globally|global|world-?wide|around the world|in the world|in total worldwide)$/, 'world'],
  [/^(?:overseas|abroad|international|internationally|in other territories|outside (?:of )?(?:north america|the us|the united states|india))$/, 'overseas'],
  [/^(?:domestically|domestic|in north america|in the (?:us|u\.s\.|united states)(?: and canada)?|in (?:us|u\.s\.|united states) and canada)$/, 'north america'],
];

export function canonicalPlace(phrase: string): string {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim().replace(/(?<!\b[a-z])\.$/, '');
  for (const [re, key] of PLACE_ALIASES) if (re.test(p)) return key;
  return p.replace(/^(?:in|across|throughout)\s+(?:the\s+)?/, '');
}

/** Where a figure applies: "worldwide", "in India", "in the United States and Canada", "a worldwide total of". */
export function placeOf(text: string, clause: Span, n: NumberMention, thingEnd: number): string | null {
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
