// What the editor features need of a claim's verdicts: the ones that say something (supports, contradicts, a
// lacks with a hint) and how many sources lack it. Read from the engine's verified verdicts, not from
// `claim.verdicts`, which builds one verdict per source (2,000 objects per claim at 2,000 sources); read once
// per claim the engine verified and kept as long as the engine keeps its verdicts.
import type { Claim } from '../core/types';
import { findingCode, type FindingCode } from '../core/findings';
import { FoundVerdicts, verifiedVerdicts } from '../core/check';

export interface ClaimInfo {
  claim: Claim;
  /** The verdicts that say something (supports, contradicts, a lacks with a hint), each made when read: read
   * counts, and the first few of a kind, rather than every one (thousands at 10,000 sources). */
  found: FoundVerdicts;
  /** Sources that lack it, hinted or not. */
  lacks: number;
  code: FindingCode | null;
  /** What the features derived from these verdicts (a diagnostic without its range), kept as long as they are. */
  derived: Map<string, unknown>;
}

function readInfo(claim: Claim, found: FoundVerdicts): Omit<ClaimInfo, 'claim'> {
  return { found, lacks: found.sources - found.count('supports') - found.count('contradicts'), code: findingCode(claim), derived: new Map() };
}

/** A claim's verdicts in brief, by the verdicts the engine found: a claim the engine's ClaimCache kept (an edit that
 * did not touch it, on the same corpus version) keeps them, and so its brief and what was derived from it. */
const briefs = new WeakMap<FoundVerdicts, Omit<ClaimInfo, 'claim'>>();

/** The brief of each claim of a check, read on first use. */
export function claimInfos(claims: readonly Claim[]): (i: number) => ClaimInfo {
  const made: (ClaimInfo | undefined)[] = [];
  return (i) => {
    let info = made[i];
    if (info) return info;
    const claim = claims[i] as Claim;
    const found = verifiedVerdicts(claim);
    let brief = found ? briefs.get(found) : undefined;
    if (!brief) {
      // A claim checkDraft did not make: its full list taken as found.
      brief = readInfo(claim, found ?? FoundVerdicts.fromList(claim.verdicts));
      if (found) briefs.set(found, brief);
    }
    info = { claim, found: brief.found, lacks: brief.lacks, code: brief.code, derived: brief.derived };
    made[i] = info;
    return info;
  };
}
