// Posting keys: what a source is filed under, and what a claim looks up.
import type { FigureMention, SourceDoc } from '../types';
import { PERSON_KEYS } from '../extract/figures';
import { contentTerms } from '../text/terms';
import { figuresAt, figureStart } from './figure-table';

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

/** A quotation is filed under its content terms (each once; the corpus's quotation postings). */
export function quoteKeys(inner: string): string[] {
  return [...new Set(contentTerms(inner))];
}

/** The keys of a sentence's event, its content terms (each once): a source's dated sentence is filed under them, a
 * draft's date looks its event up by them (one function, so the two always agree). */
export function dateLookupKeys(sentence: string): string[] {
  return [...new Set(contentTerms(sentence))];
}

/** Each figure key as a small number, the same for every source: a corpus files its figures under far fewer keys
 * than it has figures, so a source keeps numbers, not strings. Never emptied (sources hold the numbers): it grows
 * with the corpus's vocabulary of units, outcomes, counted things and events, not with its size. */
const keyIds = new Map<string, number>();

function keyId(k: string): number {
  let id = keyIds.get(k);
  if (id === undefined) keyIds.set(k, (id = keyIds.size));
  return id;
}

/** A source's figures by key: (key number, figure index) pairs sorted, flat. Made while the source is filed
 * (eachFigureKey), from the keys it is posted under, and kept with the source: about 24 bytes a figure, where making
 * them again at every check cost a fifth of its figure comparisons. */
const byKey = new WeakMap<SourceDoc, Int32Array>();

/** Calls `each` with every key of every figure of the source (a key may come more than once), and keeps the source's
 * figures by key from the same keys. */
export function eachFigureKey(doc: SourceDoc, each: (key: string) => void): void {
  // One number per (key, figure) pair, key first: sorted as numbers, they come by key, then in text order.
  const packed: number[] = [];
  doc.figures.forEach((f, i) => {
    const keys = figureKeys(f);
    for (const k of keys) each(k);
    for (const k of new Set(keys)) packed.push(keyId(k) * FIGURE_SPAN + i);
  });
  byKey.set(doc, unpack(Float64Array.from(packed).sort()));
}

/** Figure indices stay below this in a packed pair (a 5 MB source holds far fewer figures). */
const FIGURE_SPAN = 2 ** 24;

function unpack(sorted: Float64Array): Int32Array {
  const pairs = new Int32Array(sorted.length * 2);
  sorted.forEach((x, j) => {
    pairs[2 * j] = Math.floor(x / FIGURE_SPAN);
    pairs[2 * j + 1] = x % FIGURE_SPAN;
  });
  return pairs;
}

function keyIndex(doc: SourceDoc): Int32Array {
  let pairs = byKey.get(doc);
  // A source made outside a corpus (indexSource alone) has not been filed: its keys are worked out here.
  if (pairs === undefined) {
    eachFigureKey(doc, () => {});
    pairs = byKey.get(doc) as Int32Array;
  }
  return pairs;
}

/** The figure indices filed under key number `id`, in text order. */
function filedUnder(pairs: Int32Array, id: number, out: number[]): void {
  let lo = 0;
  let hi = pairs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pairs[2 * mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; 2 * j < pairs.length && pairs[2 * j] === id; j++) out.push(pairs[2 * j + 1] as number);
}

/** A source's figures that could be the same quantity as the claim: those filed under one of its look-up keys,
 * in text order. */
export function figuresFor(claim: FigureMention, doc: SourceDoc): FigureMention[] {
  let keys = lookupKeysOf.get(claim);
  if (keys === undefined) lookupKeysOf.set(claim, (keys = figureLookupKeys(claim)));
  const pairs = keyIndex(doc);
  const at: number[] = [];
  let lists = 0;
  for (const k of keys) {
    const id = keyIds.get(k);
    if (id === undefined) continue;
    const before = at.length;
    filedUnder(pairs, id, at);
    if (at.length > before) lists++;
  }
  // Usually one key holds them all, already in text order; figures under several keys are taken once.
  if (lists > 1) {
    const once = [...new Set(at)];
    once.sort((a, b) => figureStart(doc, a) - figureStart(doc, b) || a - b);
    return figuresAt(doc, once);
  }
  return figuresAt(doc, at);
}

const lookupKeysOf = new WeakMap<FigureMention, string[]>();
