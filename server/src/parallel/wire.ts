// A shard's part of a check as a worker thread sends it, and as the CLI's thread reads it. At 10,000 sources a worker
// finds about 220,000 verdicts; cloned as objects, with their evidence (the source sentence and the wording, slices of
// the source's text that cost nothing where they are made, copied by a clone), they cost seconds and hundreds of MB,
// though a text report reads a few verdicts a claim. So they travel as numbers: each verdict its reason's number
// (every distinct reason sent once) and its evidence's and hint's; each distinct Evidence once, as the number of its
// sentence and offsets; each distinct sentence once, in UTF-8. The CLI's thread holds no copy of a worker's
// sources: the sentences are what it needs of them (at 10,000 sources, a quarter of a worker's text). The receiving
// side makes a verdict when it is first read (core/check.ts mergeShards), with the same keys in the same order, the
// same strings and the same sharing.
import type { FoundPart, ShardPart } from '../core/check';
import type { Evidence, SourceDoc, SourceVerdict } from '../core/types';
import { verdictOfTag } from '../core/found-verdicts';

/** Per distinct Evidence: the wording's start and end in its source's text, its sentence's number (NONE when the
 * sentence or the wording is not a slice of the source's text: then the evidence travels whole, in `texts`), line
 * and column. */
const FIELDS = 5;
/** No evidence, or no hint. */
const NONE = -1;

export interface WireFound {
  at: Int32Array;
  tags: Uint8Array;
  /** Per verdict: its reason's number, or NONE for one sent whole (in `whole`: a diff, another speaker, other keys). */
  reason: Int32Array;
  evidence: Int32Array;
  hint: Int32Array;
  /** Verdicts sent as they are (their evidence and hint numbered), by their index. */
  whole: [number, SourceVerdict][];
}

export interface WirePart {
  sources: number;
  own: number;
  found: WireFound[];
  reasons: string[];
  /** The Evidence table: FIELDS numbers each. */
  evidence: Int32Array;
  /** The evidence's sentences, each once, one after another in UTF-8 (transferFor moves it to the receiving thread
   * rather than copying it). As one string (a clone copies one string much faster than 60,000) they were 12 MB at
   * 10,000 sources, twice over while being sent: a quarter of them hold a character beyond Latin-1, which made the
   * whole string two bytes a character. In UTF-8, 6.5 MB, moved. */
  sentences: Uint8Array;
  /** Per sentence, by number: where it ends in `sentences` (it starts where the one before ends), and where it starts
   * in its source's text. */
  sentenceEnds: Int32Array;
  sentenceStarts: Int32Array;
  /** Evidence whose sentence or wording is not a slice of its source's text, by number: sent as it is. */
  texts: [number, Evidence][];
}

type Numbered<T> = { [K in keyof T]: K extends 'evidence' | 'hint' ? number : T[K] };

/** The keys of a verdict the compact form stands for, in the order they are written. */
function plainKeys(v: SourceVerdict): boolean {
  let n = 0;
  for (const k in v) {
    const expected = n === 0 ? 'source' : n === 1 ? 'verdict' : n === 2 ? 'reason' : null;
    if (expected !== null) {
      if (k !== expected) return false;
    } else if (k === 'evidence') {
      if (n !== 3) return false;
    } else if (k !== 'hint') return false;
    n++;
  }
  return n >= 3;
}

/** One claim's verdicts as they are encoded, in the order they come: three numbers each (reason, evidence, hint),
 * in an array that doubles as it fills (a JavaScript array of numbers takes twice the memory). */
class ClaimWire {
  numbers = new Int32Array(24);
  length = 0;
  readonly whole: [number, SourceVerdict][] = [];

  push(reason: number, evidence: number, hint: number): void {
    const at = this.length * 3;
    if (at + 3 > this.numbers.length) {
      const grown = new Int32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[at] = reason;
    this.numbers[at + 1] = evidence;
    this.numbers[at + 2] = hint;
    this.length++;
  }

  /** The i-th number of every verdict (0 reason, 1 evidence, 2 hint). */
  column(i: number): Int32Array {
    const out = new Int32Array(this.length);
    for (let j = 0; j < this.length; j++) out[j] = this.numbers[j * 3 + i] as number;
    return out;
  }
}

/** Encodes a shard's found verdicts against `order` (the shard's sources in the check's order) one at a time, as the
 * check makes them (core/check.ts checkShard's onVerdict): they need not all be kept until the check ends. */
export class WireEncoder {
  /** The source of the last verdict added. A check gives its verdicts source by source, and a verdict's evidence and
   * sentence are its source's: the numbers of those seen are kept for one source at a time. Kept for the whole part,
   * they held every Evidence object found (about 37 MB of a worker's heap at 10,000 sources, against 12 MB). Verdicts
   * that come in another order are encoded as well, their evidence and sentences sent again where their source
   * comes back. */
  private source = -1;
  private readonly evidenceIndex = new Map<Evidence, number>();
  private readonly table: number[] = [];
  private readonly texts: [number, Evidence][] = [];
  private readonly reasonIndex = new Map<string, number>();
  private readonly reasons: string[] = [];
  private readonly claims: ClaimWire[] = [];
  /** The numbers of the current source's sentences, by where they start. */
  private readonly sentenceIndex = new Map<number, number>();
  private readonly sentences: string[] = [];
  private readonly sentenceStarts: number[] = [];

  constructor(private readonly order: readonly SourceDoc[]) {}

  /** The next found verdict of claim `k`, against the source at position `at`. */
  add(k: number, at: number, v: SourceVerdict): void {
    let c = this.claims[k];
    if (c === undefined) this.claims[k] = c = new ClaimWire();
    if (at !== this.source) {
      this.source = at;
      this.evidenceIndex.clear();
      this.sentenceIndex.clear();
    }
    const j = c.length;
    if (!plainKeys(v) || v.source !== (this.order[at] as SourceDoc).id) {
      // A copy with the same keys in the same order, its evidence numbered in place.
      const copy = { ...v } as unknown as Numbered<SourceVerdict>;
      if (v.evidence !== undefined) copy.evidence = this.number(v.evidence, at);
      if (v.hint !== undefined) copy.hint = this.number(v.hint, at);
      c.whole.push([j, copy as unknown as SourceVerdict]);
      c.push(NONE, NONE, NONE);
      return;
    }
    let r = this.reasonIndex.get(v.reason);
    if (r === undefined) {
      r = this.reasons.push(v.reason) - 1;
      this.reasonIndex.set(v.reason, r);
    }
    c.push(r, v.evidence !== undefined ? this.number(v.evidence, at) : NONE, v.hint !== undefined ? this.number(v.hint, at) : NONE);
  }

  /** The part, once its check is done: `part` is what the check returned (its positions and tags). */
  finish(part: ShardPart): WirePart {
    const found = part.found.map((f, k): WireFound => {
      const c = this.claims[k] ?? new ClaimWire();
      if (c.length !== f.at.length) throw new Error(`claim ${k}: ${c.length} verdicts encoded for ${f.at.length} found`);
      return { at: f.at, tags: f.tags, reason: c.column(0), evidence: c.column(1), hint: c.column(2), whole: c.whole };
    });
    return {
      sources: part.sources,
      own: part.own,
      found,
      reasons: this.reasons,
      evidence: Int32Array.from(this.table),
      ...utf8(this.sentences),
      sentenceStarts: Int32Array.from(this.sentenceStarts),
      texts: this.texts,
    };
  }

  /** The evidence's number, given on its first verdict. */
  private number(ev: Evidence, at: number): number {
    let k = this.evidenceIndex.get(ev);
    if (k !== undefined) return k;
    k = this.table.length / FIELDS;
    this.evidenceIndex.set(ev, k);
    const text = (this.order[at] as SourceDoc).text;
    // The sentence holds the wording: its start is at most the wording's.
    const from = text.lastIndexOf(ev.text, ev.start);
    // A sentence with half a surrogate pair would not come back from UTF-8 as it was: it travels whole.
    const sliced = from >= 0 && from + ev.text.length >= ev.end && text.slice(ev.start, ev.end) === ev.wording && wellFormed(ev.text);
    if (!sliced) this.texts.push([k, ev]);
    this.table.push(ev.start, ev.end, sliced ? this.sentence(from, ev.text) : NONE, ev.line, ev.column);
    return k;
  }

  /** The number of the sentence `text`, which starts at `from` in the current source. */
  private sentence(from: number, text: string): number {
    let n = this.sentenceIndex.get(from);
    // Two sentences that start at the same place are the same unless one is longer: that one is sent on its own.
    if (n === undefined || (this.sentences[n] as string).length !== text.length) {
      n = this.sentences.push(text) - 1;
      this.sentenceStarts.push(from);
      if (!this.sentenceIndex.has(from)) this.sentenceIndex.set(from, n);
    }
    return n;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The string has no half of a surrogate pair on its own: UTF-8 gives it back as it is. */
function wellFormed(s: string): boolean {
  return !/[\uD800-\uDFFF]/.test(s) || !LONE_SURROGATE.test(s);
}

/** The sentences one after another in UTF-8, and where each ends. */
function utf8(sentences: readonly string[]): { sentences: Uint8Array; sentenceEnds: Int32Array } {
  let size = 0;
  for (const s of sentences) size += Buffer.byteLength(s, 'utf8');
  const bytes = new Uint8Array(size);
  const ends = new Int32Array(sentences.length);
  const encoder = new TextEncoder();
  let at = 0;
  sentences.forEach((s, i) => {
    at += encoder.encodeInto(s, bytes.subarray(at)).written;
    ends[i] = at;
  });
  return { sentences: bytes, sentenceEnds: ends };
}

/** The buffers of a part's typed arrays, each once: a worker moves them to the CLI's thread rather than copying them
 * (its own copies are left empty, and it does not read them again). */
export function transferFor(part: WirePart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: Int32Array | Uint8Array): void => {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  for (const f of part.found) [f.at, f.tags, f.reason, f.evidence, f.hint].forEach(add);
  [part.evidence, part.sentences, part.sentenceEnds, part.sentenceStarts].forEach(add);
  return [...buffers];
}

/** Decodes a part: `ids` are the ids of the shard's sources in its order. Its verdicts are made when first read (each
 * claim's FoundPart `make`). */
export function decodePart(wire: WirePart, ids: readonly string[]): ShardPart {
  const table = wire.evidence;
  const made: (Evidence | undefined)[] = new Array<Evidence | undefined>(table.length / FIELDS);
  for (const [k, ev] of wire.texts) made[k] = ev;
  const sentences: (string | undefined)[] = new Array<string | undefined>(wire.sentenceEnds.length);
  // A sentence that starts with a byte order mark keeps it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const sentence = (n: number): string =>
    (sentences[n] ??= decoder.decode(wire.sentences.subarray(n === 0 ? 0 : (wire.sentenceEnds[n - 1] as number), wire.sentenceEnds[n] as number)));
  const evidence = (k: number): Evidence => {
    let ev = made[k];
    if (ev === undefined) {
      const b = k * FIELDS;
      const start = table[b] as number;
      const end = table[b + 1] as number;
      const n = table[b + 2] as number;
      const text = sentence(n);
      const from = wire.sentenceStarts[n] as number;
      ev = { text, line: table[b + 3] as number, column: table[b + 4] as number, wording: text.slice(start - from, end - from), start, end };
      made[k] = ev;
    }
    return ev;
  };
  const found = wire.found.map((f): FoundPart => {
    const whole = new Map(f.whole);
    const make = (j: number): SourceVerdict => {
      const sent = whole.get(j);
      if (sent !== undefined) {
        const n = sent as unknown as Numbered<SourceVerdict>;
        if (typeof n.evidence === 'number') sent.evidence = evidence(n.evidence);
        if (typeof n.hint === 'number') sent.hint = evidence(n.hint);
        return sent;
      }
      const v: SourceVerdict = { source: ids[f.at[j] as number] as string, verdict: verdictOfTag(f.tags[j] as number), reason: wire.reasons[f.reason[j] as number] as string };
      const e = f.evidence[j] as number;
      if (e !== NONE) v.evidence = evidence(e);
      const h = f.hint[j] as number;
      if (h !== NONE) v.hint = evidence(h);
      return v;
    };
    return { at: f.at, tags: f.tags, verdicts: [], make };
  });
  return { sources: wire.sources, own: wire.own, found };
}
