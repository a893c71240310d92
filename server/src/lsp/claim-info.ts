// What the editor features need of a claim's verdicts: the ones that say something (supports, contradicts, a
// lacks with a hint) and how many sources lack it. Read from the engine's verified verdicts, not from
// `claim.verdicts`, which builds one verdict per source (2,000 objects per claim at 2,000 sources); read once
// per claim the engine verified and kept as long as the engine keeps its verdicts.
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

/** A claim's verdicts in brief, by the list the engine verified: a claim the engine's ClaimCache kept (an edit that
 * did not touch it, on the same corpus version) keeps its list, and so its brief and what was derived from it. */
const briefs = new WeakMap<readonly SourceVerdict[], Omit<ClaimInfo, 'claim'>>();

/** The brief of each claim of a check, read on first use. */
export function claimInfos(claims: readonly Claim[]): (i: number) => ClaimInfo {
  const made: (ClaimInfo | undefined)[] = [];
  return (i) => {
    let info = made[i];
    if (info) return info;
    const claim = claims[i] as Claim;
    const list = verifiedVerdicts(claim)?.found;
    let brief = list ? briefs.get(list) : undefined;
    if (!brief) {
      brief = readInfo(claim);
      if (list) briefs.set(list, brief);
    }
    info = { claim, ...brief };
    made[i] = info;
    return info;
  };
}
