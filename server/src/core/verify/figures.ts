// A draft figure against one source: find the source's figures for the same quantity (counted thing,
// event, group, unit), then compare scope and value per the spec.
import type { FigureMention, SourceDoc, SourceVerdict } from '../types';
import { PERSON_KEYS } from '../extract/figures';
import { compareNumbers, type NumberComparison } from './compare-numbers';
import { compareDates } from './dates';
import { mentionEvidence, mentionReason } from './evidence';
import { contentTerms } from '../text/terms';
import { figuresFor } from '../corpus/keys';
import { intern } from '../text/intern';

const OUTCOMES = new Set(['casualty', 'killed', 'wounded', 'captured', 'evacuated', 'displaced', 'arrested', 'released', 'rescued']);

/** Modifiers that split a count into parts: "negative reviews" are not "reviews", "solo tackles" not "combined tackles". */
const CONTRASTS = /\b(?:negative|positive|solo|combined|assisted|male|female|adult|minor|suspected|probable|active|domestic|foreign|first|second|third|last|final|new|used|net|gross|total|partial|full|part-time|full-time|paid|unpaid|registered|unregistered)\b/gi;

/** Counted thing -> its contrasting modifiers. By the thing's text, not per figure: a corpus names far fewer things
 * than it has figures (their texts are interned, so the look-up hashes nothing new). Bounded like text/intern.ts. */
const contrastsOfThing = new Map<string, string>();

function contrasts(f: FigureMention): string {
  if (f.thing === null) return '';
  let c = contrastsOfThing.get(f.thing);
  if (c === undefined) {
    c = [...new Set(f.thing.toLowerCase().match(CONTRASTS) ?? [])].sort().join(' ');
    if (contrastsOfThing.size >= 100_000) contrastsOfThing.clear();
    contrastsOfThing.set(f.thing, c);
  }
  return c;
}

/** How well two figures name the same quantity, ignoring scope: 0 = not the same quantity. */
/** Units that compare as one: a score out of 100 is a percentage. */
function unitOf(f: FigureMention): string {
  const u = f.number.unit ?? '';
  return u === 'out-of-100' ? 'percent' : u;
}

function asPercent(n: FigureMention['number']): FigureMention['number'] {
  return n.unit === 'out-of-100' ? { ...n, unit: 'percent' } : n;
}

export function quantityMatch(a: FigureMention, b: FigureMention): number {
  if (unitOf(a) !== unitOf(b)) return 0;
  if (contrasts(a) !== contrasts(b)) return 0;
  if (a.number.fraction !== b.number.fraction) return 0;
  let score = 0;
  const sharedEvent = b.events.some((e) => a.events.includes(e));
  if (a.events.length > 0 && b.events.length > 0 && !sharedEvent) return 0;
  // An outcome (killed, wounded, captured...) names a part of the whole: troops are not casualties.
  if (a.events.some((e) => OUTCOMES.has(e)) !== b.events.some((e) => OUTCOMES.has(e))) return 0;
  if (a.thingKey && b.thingKey) {
    if (a.thingKey === b.thingKey) score += 3;
    else if (
      (a.thingKey === 'people' && PERSON_KEYS.has(b.thingKey)) ||
      (b.thingKey === 'people' && PERSON_KEYS.has(a.thingKey))
    )
      score += 2;
    else return 0;
  } else if (a.thingKey || b.thingKey) {
    // One side names no counted thing: only a shared event or a shared unit can tie them.
    if (!sharedEvent && !a.number.unit) return 0;
    score += 1;
  } else if (!sharedEvent && !a.number.unit) return 0;
  if (sharedEvent) score += 2;
  if (score === 0) score = 1;
  if (a.group && b.group) {
    if (a.group !== b.group) return 0;
    score += 1;
  }
  if (a.place && b.place) {
    if (a.place !== b.place) return 0;
    score += 1;
  }
  if (a.number.unit) score += 1;
  return score;
}

interface Candidate {
  figure: FigureMention;
  match: number;
  cmp: NumberComparison;
}

const contextTerms = new WeakMap<FigureMention, string[]>();

/** Drops what comparing figures kept of a source's figure (see verify/preparations.ts). */
export function forgetFigure(f: FigureMention): void {
  contextTerms.delete(f);
}

/** The distinct content words of a figure's clause: a plain array of shared strings, kept for every source figure a
 * contradiction was weighed against (an editor keeps them; a Set each took twice the memory). */
function termsOf(f: FigureMention): string[] {
  let t = contextTerms.get(f);
  if (!t) contextTerms.set(f, (t = [...new Set(contentTerms(f.context))].map(intern)));
  return t;
}

/** A contradiction needs more than a shared unit: the same (or a compatible) counted thing, the same event, or a
 * content word of its own clause in common ("valued at", "GameRankings"). */
function corroborated(a: FigureMention, b: FigureMention): boolean {
  if (a.thingKey && b.thingKey) return true; // quantityMatch already found them compatible
  if (a.events.some((e) => b.events.includes(e))) return true;
  const tb = termsOf(b);
  for (const t of termsOf(a)) if (tb.includes(t)) return true;
  return false;
}

const VERDICT_RANK = { supports: 0, contradicts: 1, lacks: 2 } as const;

type When = NonNullable<FigureMention['when']>;

/** Two dates' positions in time for ordering, or null when they cannot be ordered. Without years on either side
 * the two are read as in the same year ("before October 7" and "as of October 3"). */
function ordinals(a: When['date'], b: When['date']): [number, number] | null {
  const one = (d: When['date'], withYear: boolean): number | null => {
    if (withYear && d.year === null) return null;
    const y = withYear ? (d.year as number) * 10000 : 0;
    if (d.month === null) return withYear ? y + 600 : null;
    return y + d.month * 100 + (d.day ?? 15);
  };
  const withYear = a.year !== null && b.year !== null;
  const x = one(a, withYear);
  const y = one(b, withYear);
  return x === null || y === null ? null : [x, y];
}

/** Whether the source's figure holds at a time the draft's claim is about. */
export function timeCompatible(claim: FigureMention['when'], source: FigureMention['when']): boolean {
  if (!claim || !source) return true;
  if (claim.relation === 'at' && source.relation === 'at') return compareDates(claim.date, source.date) !== 'contradicts';
  if (claim.relation === source.relation && compareDates(claim.date, source.date) === 'supports') return true;
  const o = ordinals(claim.date, source.date);
  if (o === null) return false;
  const [a, b] = o;
  if (claim.relation === 'before') return source.relation !== 'after' && b < a;
  if (claim.relation === 'after') return source.relation !== 'before' && b > a;
  return compareDates(claim.date, source.date) !== 'contradicts' && source.relation === 'at';
}

/** What a source figure says, in the words of each kind of verdict (mentionReason's variants). */
const SAYS = 0;
const SAYS_OTHER_SIDE = 1;
const SAYS_NEITHER = 2;
const GIVES_OTHER_SCOPE = 3;
const GIVES_OTHER_TIME = 4;

function figureSays(f: FigureMention, variant: number): string {
  switch (variant) {
    case SAYS:
      return `source says ${f.text}`;
    case SAYS_OTHER_SIDE:
      return `source says ${f.text} (the other side of the same figure)`;
    case SAYS_NEITHER:
      return `source says ${f.text}, which neither confirms nor rules it out`;
    case GIVES_OTHER_SCOPE:
      return `source gives ${f.text} ${f.scopeText ? `for another period (${f.scopeText})` : 'in total, not for this period'}`;
    default:
      return `source gives ${f.text} ${f.when ? `as of another time (${f.when.date.text})` : 'for another time'}`;
  }
}

export function verifyFigure(claim: FigureMention, doc: SourceDoc): SourceVerdict {
  const sameScope: Candidate[] = [];
  let otherScope: { figure: FigureMention; match: number } | null = null;
  for (const f of figuresFor(claim, doc)) {
    const match = quantityMatch(claim, f);
    if (match === 0) continue;
    if (f.scope !== claim.scope || !timeCompatible(claim.when, f.when)) {
      if (!otherScope || match > otherScope.match) otherScope = { figure: f, match };
      continue;
    }
    // A source figure that states the very number is most likely the one the draft took.
    const sameValue = f.number.low === claim.number.low && f.number.high === claim.number.high ? 2 : 0;
    sameScope.push({ figure: f, match: match + sameValue, cmp: compareNumbers(asPercent(claim.number), asPercent(f.number)) });
  }
  if (sameScope.length > 0) {
    // The best-matching tier decides; within it a supporting statement wins over a contradicting one.
    // A loop, not Math.max(...list): a source of repeated figures can give more candidates than a call takes arguments.
    const best = sameScope.reduce((m, c) => Math.max(m, c.match), -Infinity);
    const tier = sameScope.filter((c) => c.match === best);
    tier.sort((x, y) => VERDICT_RANK[x.cmp.verdict] - VERDICT_RANK[y.cmp.verdict] || x.figure.start - y.figure.start);
    const top = tier[0] as Candidate;
    const f = top.figure;
    const ev = mentionEvidence(doc, f);
    if (top.cmp.verdict === 'supports') return { source: doc.id, verdict: 'supports', reason: mentionReason(f, SAYS, figureSays), evidence: ev };
    if (top.cmp.verdict === 'contradicts' && corroborated(claim, f)) {
      const reason = mentionReason(f, top.cmp.rule === 'opposite-directions' ? SAYS_OTHER_SIDE : SAYS, figureSays);
      return { source: doc.id, verdict: 'contradicts', reason, evidence: ev };
    }
    return { source: doc.id, verdict: 'lacks', reason: mentionReason(f, SAYS_NEITHER, figureSays), hint: ev };
  }
  if (otherScope) {
    const f = otherScope.figure;
    return { source: doc.id, verdict: 'lacks', reason: mentionReason(f, f.scope !== claim.scope ? GIVES_OTHER_SCOPE : GIVES_OTHER_TIME, figureSays), hint: mentionEvidence(doc, f) };
  }
  return { source: doc.id, verdict: 'lacks', reason: `source gives no figure for ${describeQuantity(claim)}` };
}

export function describeQuantity(f: FigureMention): string {
  const thing = f.thing ?? (f.number.unit === 'percent' ? 'this share' : 'this quantity');
  const event = f.events.length > 0 ? ` ${f.events.join(', ').replace('casualty', 'killed or wounded')}` : '';
  return `${thing}${event}`;
}
