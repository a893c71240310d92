// What the editor features need of a claim's verdicts: the ones that say something (supports, contradicts, a
// lacks with a hint) and how many sources lack it. Read from the engine's verified verdicts, not from
// `claim.verdicts`, which builds one verdict per source (2,000 objects per claim at 2,000 sources); read once
// per claim and corpus version and kept.
import type { Claim, SourceVerdict } from '../core/types';
import { findingCode, type FindingCode } from '../core/findings';
import { verifiedVerdicts } from '../core/check';

export interface ClaimInfo {
  claim: Claim;
  supports: SourceVerdict[];
  contradicts: SourceVerdict[];
  /** Lacks verdicts that point at a related sentence. */
  hints: SourceVerdict[];
  /** Sources that lack it, hinted or not. */
  lacks: number;
  code: FindingCode | null;
  /** What the features derived from these verdicts (a diagnostic without its range), kept as long as they are. */
  derived: Map<string, unknown>;
}

function readInfo(claim: Claim): Omit<ClaimInfo, 'claim'> {
  const supports: SourceVerdict[] = [];
  const contradicts: SourceVerdict[] = [];
  const hints: SourceVerdict[] = [];
  // The sources the engine looked at closely; every other source is a plain lacks, with no object to build.
  const checked = verifiedVerdicts(claim);
  const list = checked ? checked.found : claim.verdicts;
  for (const v of list) {
    if (v.verdict === 'supports') supports.push(v);
    else if (v.verdict === 'contradicts') contradicts.push(v);
    else if (v.hint) hints.push(v);
  }
  const sources = checked ? checked.sources : claim.verdicts.length;
  return { supports, contradicts, hints, lacks: sources - supports.length - contradicts.length, code: findingCode(claim), derived: new Map() };
}

/**
 * Per draft: the verdict summaries of the claims of the last checks. A claim is known by its kind, text,
 * speaker, summary, paragraph and place among equal claims of that paragraph: what the engine's verdicts of
 * it depend on (its mention and sentence) lies inside that paragraph, so an edit elsewhere does not re-read it.
 */
export class ClaimInfoMemo {
  private corpusVersion = -1;
  private corpus: unknown = null;
  private entries = new Map<string, Omit<ClaimInfo, 'claim'>>();

  infos(text: string, claims: readonly Claim[], corpus: object, corpusVersion: number): (i: number) => ClaimInfo {
    if (corpus !== this.corpus || corpusVersion !== this.corpusVersion) {
      this.corpus = corpus;
      this.corpusVersion = corpusVersion;
      this.entries.clear();
    }
    const breaks = paragraphBreaks(text);
    const keys: string[] = [];
    const seen = new Map<string, number>();
    for (const c of claims) {
      const p = paragraphOf(breaks, c.start, text.length);
      const base = [c.kind, c.text, c.speaker ?? '', c.status, c.summary, text.slice(p.start, p.end)].join('\u0000');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      keys.push(`${base}\u0000${n}`);
    }
    // Forget the claims no longer in the draft; keep the rest.
    const wanted = new Set(keys);
    for (const k of this.entries.keys()) if (!wanted.has(k)) this.entries.delete(k);
    const made: (ClaimInfo | undefined)[] = [];
    return (i) => {
      let info = made[i];
      if (info) return info;
      const claim = claims[i] as Claim;
      const key = keys[i] as string;
      let e = this.entries.get(key);
      if (!e) this.entries.set(key, (e = readInfo(claim)));
      info = { claim, ...e };
      made[i] = info;
      return info;
    };
  }
}

/** Offsets of the blank lines of a text, ascending: paragraph boundaries. */
function paragraphBreaks(text: string): number[] {
  const out: number[] = [];
  const re = /(?:\r\n|\n|\r)[ \t]*(?=\r\n|\n|\r)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m.index);
  return out;
}

function paragraphOf(breaks: readonly number[], at: number, length: number): { start: number; end: number } {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return { start: lo > 0 ? (breaks[lo - 1] as number) : 0, end: lo < breaks.length ? (breaks[lo] as number) : length };
}
