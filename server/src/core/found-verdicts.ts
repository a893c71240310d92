// The verdicts a check found for one claim (every supports and contradicts, and every lacks with a reason or a
// hint of its own), in source order. Each is known by its source's position and a one-byte tag; the verdict
// object itself is either kept (a one-shot check, whose output prints them all) or made again on demand by the
// verifier that made it first (an editor, which keeps 400,000 of them at 10,000 sources and reads a few).
import type { SourceVerdict } from './types';

const VERDICT_BITS = 3;
const SUPPORTS = 0;
const CONTRADICTS = 1;
const LACKS = 2;
const HINT = 4;
const CREDITED = 8;
const DIFF = 16;

export type FoundKind = 'supports' | 'contradicts' | 'hinted';
export type FoundFlag = 'credited' | 'diff';

export function tagOf(v: SourceVerdict): number {
  let t = v.verdict === 'supports' ? SUPPORTS : v.verdict === 'contradicts' ? CONTRADICTS : LACKS;
  if (v.hint) t |= HINT;
  if (typeof v.creditedTo === 'string' && v.creditedTo !== '') t |= CREDITED;
  if (Array.isArray(v.diff) && v.diff.length > 0) t |= DIFF;
  return t;
}

/** The verdict a tag records. */
export function verdictOfTag(tag: number): SourceVerdict['verdict'] {
  const v = tag & VERDICT_BITS;
  return v === SUPPORTS ? 'supports' : v === CONTRADICTS ? 'contradicts' : 'lacks';
}

function isKind(tag: number, kind: FoundKind): boolean {
  const v = tag & VERDICT_BITS;
  return kind === 'supports' ? v === SUPPORTS : kind === 'contradicts' ? v === CONTRADICTS : v === LACKS && (tag & HINT) !== 0;
}

export class FoundVerdicts {
  private readonly counts: Record<FoundKind, number> = { supports: 0, contradicts: 0, hinted: 0 };

  /**
   * @param sources how many sources the check had in all
   * @param positions each found verdict's source position (in the check's source order), ascending
   * @param tags each one's tagOf
   * @param make the j-th verdict, the same each time it is asked for
   * @param kept whether `make` hands out kept objects (the same object each time), not ones made again per call
   */
  constructor(
    readonly sources: number,
    private readonly positions: Int32Array,
    private readonly tags: Uint8Array,
    private readonly make: (j: number) => SourceVerdict,
    readonly kept = false,
  ) {
    for (const t of tags) {
      if (isKind(t, 'supports')) this.counts.supports++;
      else if (isKind(t, 'contradicts')) this.counts.contradicts++;
      else if (isKind(t, 'hinted')) this.counts.hinted++;
    }
  }

  /** A claim's full per-source list read as found verdicts (a claim checkDraft did not make). */
  static fromList(list: readonly SourceVerdict[]): FoundVerdicts {
    return new FoundVerdicts(list.length, Int32Array.from(list, (_, i) => i), Uint8Array.from(list, tagOf), (j) => list[j] as SourceVerdict, true);
  }

  /** How many verdicts were found (plain lacks are not). */
  get length(): number {
    return this.tags.length;
  }

  /** The source position of the j-th found verdict. */
  positionOf(j: number): number {
    return this.positions[j] as number;
  }

  /** The j-th found verdict. */
  at(j: number): SourceVerdict {
    return this.make(j);
  }

  count(kind: FoundKind): number {
    return this.counts[kind];
  }

  /** The first `limit` found verdicts of a kind ('hinted': lacks with a hint), in source order. */
  take(kind: FoundKind, limit = Infinity): SourceVerdict[] {
    const out: SourceVerdict[] = [];
    for (let j = 0; j < this.tags.length && out.length < limit; j++) if (isKind(this.tags[j] as number, kind)) out.push(this.make(j));
    return out;
  }

  /** Whether a found verdict of this kind names another speaker ('credited') or differs word by word ('diff'). */
  some(kind: FoundKind, flag: FoundFlag): boolean {
    const bit = flag === 'credited' ? CREDITED : DIFF;
    return this.tags.some((t) => isKind(t, kind) && (t & bit) !== 0);
  }

  /** Every found verdict, in source order. */
  all(): SourceVerdict[] {
    return Array.from(this.tags, (_, j) => this.make(j));
  }
}
