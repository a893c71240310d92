// A filed source's figures as columns: offsets and flags in an Int32Array, values in a Float64Array, the shared
// strings and objects they name in one array. A figure and its number were two objects, three boxed numbers and
// three sliced strings, about 420 bytes; here they take about 140. At 10,000 sources the figures were the largest
// thing a corpus held after the texts themselves (94,000 figures in a 5,000-source shard, 43 MB of its 147 MB).
//
// The engine reads a figure as an object (figureAt), made from its columns when first read and kept with the
// source's other preparations (verify/preparations.ts): a check makes those of the figures it compares, and drops
// them with the source's preparations once every claim has been verified against the source.
import type { FigureMention, NumberMention, Qualifier, SourceDoc } from '../types';

/** Per figure: start, end, number end, value start, context start, context end, sentence, flags. */
const INTS = 8;
/** Per figure: low, high, precision. */
const FLOATS = 3;
/** Per figure: thing, thingKey, events, scope, scopeText, group, place, when, qualifier, unit. */
const REFS = 10;

const IS_RANGE = 1;
const VAGUE = 2;
const FRACTION = 4;
const YEAR_LIKE = 8;

interface FigureTable {
  count: number;
  ints: Int32Array;
  floats: Float64Array;
  refs: unknown[];
  /** Figures whose strings are not the text's own at their offsets, kept as they are (none are known). */
  odd: Map<number, FigureMention> | null;
}

const tables = new WeakMap<SourceDoc, FigureTable>();
/** The figure objects made from a table and not yet dropped (forgetFigureObjects). */
const made = new WeakMap<SourceDoc, (FigureMention | undefined)[]>();

/** Whether the figure's strings are the text's own at its offsets, and where its context starts (-1 if not). */
function contextStart(text: string, f: FigureMention): number {
  const n = f.number;
  if (n.start !== f.start || f.text.length !== f.end - f.start || n.text.length !== n.end - n.start) return -1;
  if (!text.startsWith(f.text, f.start) || !text.startsWith(n.text, n.start)) return -1;
  // The context is the figure's clause around it: it starts at or before the figure. lastIndexOf finds the copy of
  // its words nearest before the figure: if that is not the clause's own, it slices to the same string.
  return text.lastIndexOf(f.context, f.start);
}

/** Keeps the source's figures as columns from now on; `doc.figures` then gives a new array of them at each read. */
export function packFigures(doc: SourceDoc): void {
  const figures = doc.figures;
  const count = figures.length;
  const t: FigureTable = { count, ints: new Int32Array(count * INTS), floats: new Float64Array(count * FLOATS), refs: new Array<unknown>(count * REFS), odd: null };
  const { ints, floats, refs } = t;
  for (let i = 0; i < count; i++) {
    const f = figures[i] as FigureMention;
    const n = f.number;
    const cs = contextStart(doc.text, f);
    if (cs < 0) {
      (t.odd ??= new Map()).set(i, f);
      continue;
    }
    const a = i * INTS;
    ints[a] = f.start;
    ints[a + 1] = f.end;
    ints[a + 2] = n.end;
    ints[a + 3] = n.valueStart;
    ints[a + 4] = cs;
    ints[a + 5] = cs + f.context.length;
    ints[a + 6] = f.sentence;
    ints[a + 7] = (n.isRange ? IS_RANGE : 0) | (n.vague ? VAGUE : 0) | (n.fraction ? FRACTION : 0) | (n.yearLike ? YEAR_LIKE : 0);
    const v = i * FLOATS;
    floats[v] = n.low;
    floats[v + 1] = n.high;
    floats[v + 2] = n.precision;
    const r = i * REFS;
    refs[r] = f.thing;
    refs[r + 1] = f.thingKey;
    refs[r + 2] = f.events;
    refs[r + 3] = f.scope;
    refs[r + 4] = f.scopeText;
    refs[r + 5] = f.group;
    refs[r + 6] = f.place;
    refs[r + 7] = f.when;
    refs[r + 8] = n.qualifier;
    refs[r + 9] = n.unit;
  }
  tables.set(doc, t);
  defineFigures(doc);
}

/** Every figure of a packed source, in a new array at each read: the objects figureAt gives, made for all of them
 * (removing a source and callers outside the engine read them; the engine reads figuresAt). Assigning the property
 * replaces the columns with the array given. */
function defineFigures(doc: SourceDoc): void {
  Object.defineProperty(doc, 'figures', figuresProperty);
}

const figuresProperty: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: SourceDoc): FigureMention[] {
    const t = tables.get(this) as FigureTable;
    return figuresAt(this, Array.from({ length: t.count }, (_, i) => i));
  },
  set(this: SourceDoc, value: FigureMention[]): void {
    tables.delete(this);
    made.delete(this);
    Object.defineProperty(this, 'figures', { value, enumerable: true, writable: true, configurable: true });
  },
};

/** How many figures the source has. */
export function figureCount(doc: SourceDoc): number {
  return tables.get(doc)?.count ?? doc.figures.length;
}

/** Where the i-th figure starts. */
export function figureStart(doc: SourceDoc, i: number): number {
  const t = tables.get(doc);
  if (t === undefined) return (doc.figures[i] as FigureMention).start;
  return t.odd?.get(i)?.start ?? (t.ints[i * INTS] as number);
}

/** The i-th figure as an object: the same object until the source's preparations are dropped. */
export function figureAt(doc: SourceDoc, i: number): FigureMention {
  return figuresAt(doc, [i])[0] as FigureMention;
}

/** The figures at these indices, in their order (figureAt for each, with one look-up of the source's columns). */
export function figuresAt(doc: SourceDoc, at: readonly number[]): FigureMention[] {
  const t = tables.get(doc);
  if (t === undefined) return at.map((i) => doc.figures[i] as FigureMention);
  let list = made.get(doc);
  if (list === undefined) made.set(doc, (list = new Array<FigureMention | undefined>(t.count)));
  const out: FigureMention[] = new Array<FigureMention>(at.length);
  for (let j = 0; j < at.length; j++) {
    const i = at[j] as number;
    let f = list[i];
    if (f === undefined) list[i] = f = t.odd?.get(i) ?? figureOf(doc.text, t, i);
    out[j] = f;
  }
  return out;
}

function figureOf(text: string, t: FigureTable, i: number): FigureMention {
  const { ints, floats, refs } = t;
  const a = i * INTS;
  const v = i * FLOATS;
  const r = i * REFS;
  const start = ints[a] as number;
  const end = ints[a + 1] as number;
  const numEnd = ints[a + 2] as number;
  const flags = ints[a + 7] as number;
  // Keys in the order the extractors make them (text/numbers.ts, extract/figures.ts): one hidden class for all.
  const number: NumberMention = {
    start,
    end: numEnd,
    text: text.slice(start, numEnd),
    valueStart: ints[a + 3] as number,
    low: floats[v] as number,
    high: floats[v + 1] as number,
    isRange: (flags & IS_RANGE) !== 0,
    vague: (flags & VAGUE) !== 0,
    qualifier: refs[r + 8] as Qualifier,
    unit: refs[r + 9] as string | null,
    precision: floats[v + 2] as number,
    fraction: (flags & FRACTION) !== 0,
    yearLike: (flags & YEAR_LIKE) !== 0,
  };
  return {
    kind: 'figure',
    start,
    end,
    text: end === numEnd ? number.text : text.slice(start, end),
    number,
    thing: refs[r] as string | null,
    thingKey: refs[r + 1] as string | null,
    events: refs[r + 2] as string[],
    scope: refs[r + 3] as string,
    scopeText: refs[r + 4] as string | null,
    group: refs[r + 5] as string | null,
    place: refs[r + 6] as string | null,
    when: refs[r + 7] as FigureMention['when'],
    context: text.slice(ints[a + 4] as number, ints[a + 5] as number),
    sentence: ints[a + 6] as number,
  };
}

/** The figure objects made so far (all of them for a source that is not packed). */
export function figureObjects(doc: SourceDoc): readonly FigureMention[] {
  if (!tables.has(doc)) return doc.figures;
  return (made.get(doc) ?? []).filter((f): f is FigureMention => f !== undefined);
}

/** Drops the figure objects made so far: the next read makes them again. */
export function forgetFigureObjects(doc: SourceDoc): void {
  made.delete(doc);
}
