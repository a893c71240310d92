// A shard's part of a check as a worker thread sends it: the verdicts as they are, except their evidence. An
// Evidence holds the source sentence and the wording, slices of the source's text that cost nothing where they are
// made; copied across threads, 220,000 of them at 10,000 sources cost 300 MB. The thread that holds the corpus
// already has every source's text (it read them), so evidence travels as offsets into it, each distinct Evidence
// once, and is sliced again there: the same strings, the same sharing, the same verdicts.
import type { FoundPart, ShardPart } from '../core/check';
import type { Evidence, SourceDoc, SourceVerdict } from '../core/types';

/** Per distinct Evidence: its source's position in the shard, the wording's start and end, the sentence's start and
 * end in the source's text (-1 when it is not a slice of it: then it travels in `texts`), line and column. */
const FIELDS = 7;

export interface WirePart {
  sources: number;
  own: number;
  /** Each claim's found verdicts; a verdict's `evidence` and `hint` are numbers, indexes into the table. */
  found: FoundPart[];
  evidence: Int32Array;
  /** Evidence whose sentence or wording is not a slice of its source's text, by index: sent as it is. */
  texts: [number, Evidence][];
}

type Numbered<T> = { [K in keyof T]: K extends 'evidence' | 'hint' ? number : T[K] };

/** Encodes a part made against `order` (the shard's sources in the check's order). */
export function encodePart(part: ShardPart, order: readonly SourceDoc[]): WirePart {
  const index = new Map<Evidence, number>();
  const table: number[] = [];
  const texts: [number, Evidence][] = [];
  const number = (ev: Evidence, at: number): number => {
    let k = index.get(ev);
    if (k !== undefined) return k;
    k = index.size;
    index.set(ev, k);
    const text = (order[at] as SourceDoc).text;
    // The sentence holds the wording: its start is at most the wording's.
    const from = text.lastIndexOf(ev.text, ev.start);
    const sliced = from >= 0 && from + ev.text.length >= ev.end && text.slice(ev.start, ev.end) === ev.wording;
    if (!sliced) texts.push([k, ev]);
    table.push(at, ev.start, ev.end, sliced ? from : -1, sliced ? from + ev.text.length : -1, ev.line, ev.column);
    return k;
  };
  const found = part.found.map((f): FoundPart => {
    const verdicts = f.verdicts.map((v, j) => {
      if (v.evidence === undefined && v.hint === undefined) return v;
      const at = f.at[j] as number;
      // A copy with the same keys in the same order (JSON output follows it), the evidence numbered in place.
      const out = { ...v } as unknown as Numbered<SourceVerdict>;
      if (v.evidence !== undefined) out.evidence = number(v.evidence, at);
      if (v.hint !== undefined) out.hint = number(v.hint, at);
      return out as unknown as SourceVerdict;
    });
    return { at: f.at, tags: f.tags, verdicts };
  });
  return { sources: part.sources, own: part.own, found, evidence: Int32Array.from(table), texts };
}

/** Decodes a part, `texts` being the texts of the shard's sources in its order. */
export function decodePart(wire: WirePart, texts: readonly string[]): ShardPart {
  const table = wire.evidence;
  const made: (Evidence | undefined)[] = new Array<Evidence | undefined>(table.length / FIELDS);
  for (const [k, ev] of wire.texts) made[k] = ev;
  const evidence = (k: number): Evidence => {
    let ev = made[k];
    if (ev === undefined) {
      const b = k * FIELDS;
      const text = texts[table[b] as number] as string;
      const start = table[b + 1] as number;
      const end = table[b + 2] as number;
      ev = {
        text: text.slice(table[b + 3] as number, table[b + 4] as number),
        line: table[b + 5] as number,
        column: table[b + 6] as number,
        wording: text.slice(start, end),
        start,
        end,
      };
      made[k] = ev;
    }
    return ev;
  };
  for (const f of wire.found) {
    for (const v of f.verdicts) {
      const n = v as unknown as Numbered<SourceVerdict>;
      if (typeof n.evidence === 'number') v.evidence = evidence(n.evidence);
      if (typeof n.hint === 'number') v.hint = evidence(n.hint);
    }
  }
  return { sources: wire.sources, own: wire.own, found: wire.found };
}
