// Posting keys: what a source is filed under, and what a claim looks up.
import type { FigureMention, SourceDoc } from '../types';
import { PERSON_KEYS } from '../extract/figures';
import { contentTerms } from '../text/terms';

const OUTCOMES = new Set(['casualty', 'killed', 'wounded', 'captured', 'evacuated', 'displaced', 'arrested', 'released', 'rescued', 'recovered', 'hospitalized', 'infected']);

function thingClass(key: string | null): string {
  if (key === null) return '-';
  return key === 'people' || PERSON_KEYS.has(key) ? 'person' : key;
}

function outcomesOf(f: FigureMention): string[] {
  const o = f.events.filter((e) => OUTCOMES.has(e));
  return o.length > 0 ? o : ['-'];
}

function base(f: FigureMention, outcome: string): string {
  // A score out of 100 compares with a percentage (verify/figures.ts), so they share postings.
  const unit = f.number.unit === 'out-of-100' ? 'percent' : (f.number.unit ?? '');
  return `${unit}|${f.number.fraction ? 'f' : ''}|${outcome}`;
}

/**
 * A figure is filed under what any figure for the same quantity must share with it: its unit, whether it is a
 * share, its outcome (killed, wounded...), and its counted thing (all counts of people together); and, for
 * claims that name no counted thing, under each event and under its unit alone.
 */
export function figureKeys(f: FigureMention): string[] {
  const keys: string[] = [];
  for (const o of outcomesOf(f)) {
    const b = base(f, o);
    keys.push(`f:${b}|${thingClass(f.thingKey)}`);
    for (const e of f.events) keys.push(`fe:${b}|${e}`);
    if (f.number.unit) keys.push(`fu:${b}`);
  }
  return keys;
}

/** What a draft figure looks up: figures of its own thing class or of none; with no thing, its events or unit. */
export function figureLookupKeys(f: FigureMention): string[] {
  const keys: string[] = [];
  for (const o of outcomesOf(f)) {
    const b = base(f, o);
    if (f.thingKey) keys.push(`f:${b}|${thingClass(f.thingKey)}`, `f:${b}|-`);
    else {
      for (const e of f.events) keys.push(`fe:${b}|${e}`);
      if (f.number.unit) keys.push(`fu:${b}`);
    }
  }
  return keys;
}

/** A quotation is filed under its content words. */
export function quoteKeys(inner: string): string[] {
  return [...new Set(contentTerms(inner))].map((t) => `q:${t}`);
}

export function dateLookupKeys(sentence: string): string[] {
  return [...new Set(contentTerms(sentence))].map((t) => `d:${t}`);
}

const byKey = new WeakMap<SourceDoc, Map<string, FigureMention[]>>();

/** A source's figures that could be the same quantity as the claim: those filed under one of its look-up keys,
 * in text order. The grouping is built once per source. */
export function figuresFor(claim: FigureMention, doc: SourceDoc): FigureMention[] {
  let map = byKey.get(doc);
  if (!map) {
    map = new Map();
    for (const f of doc.figures) {
      for (const k of new Set(figureKeys(f))) {
        const list = map.get(k);
        if (list) list.push(f);
        else map.set(k, [f]);
      }
    }
    byKey.set(doc, map);
  }
  let keys = lookupKeysOf.get(claim);
  if (keys === undefined) lookupKeysOf.set(claim, (keys = figureLookupKeys(claim)));
  // Usually one key holds them all: no set, no sort.
  const lists: FigureMention[][] = [];
  for (const k of keys) {
    const list = map.get(k);
    if (list !== undefined) lists.push(list);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const seen = new Set<FigureMention>();
  for (const list of lists) for (const f of list) seen.add(f);
  return [...seen].sort((a, b) => a.start - b.start);
}

const lookupKeysOf = new WeakMap<FigureMention, string[]>();
