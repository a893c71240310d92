// What kind of finding a claim is, as a stable code: the rule id of SARIF results, the code of editor
// diagnostics. Pure: reads the claim, decides nothing new.
import type { Claim, ClaimKind } from './types';
import { verifiedVerdicts } from './check';
import { FoundVerdicts } from './found-verdicts';

export type FindingCode =
  | 'figure-contradicted'
  | 'date-contradicted'
  | 'quote-misattributed'
  | 'quote-altered'
  | 'quote-contradicted'
  | 'unsupported';

export interface FindingRule {
  id: FindingCode;
  /** PascalCase name, as SARIF reporting descriptors like. */
  name: string;
  shortDescription: string;
  fullDescription: string;
  help: string;
  /** How loud the finding is: contradictions warn, unsupported claims are notes. */
  level: 'warning' | 'note';
}

/** The code of a claim's finding, or null for a supported claim. */
export function findingCode(claim: Pick<Claim, 'kind' | 'status' | 'verdicts'>): FindingCode | null {
  if (claim.status === 'supported') return null;
  if (claim.status === 'unsupported') return 'unsupported';
  const kind: ClaimKind = claim.kind;
  if (kind === 'figure') return 'figure-contradicted';
  if (kind === 'date') return 'date-contradicted';
  // A claim from checkDraft knows its verified verdicts: no need to build the verdict of every source.
  const found = verifiedVerdicts(claim as Claim) ?? FoundVerdicts.fromList(claim.verdicts);
  if (found.some('contradicts', 'credited')) return 'quote-misattributed';
  if (found.some('contradicts', 'diff')) return 'quote-altered';
  return 'quote-contradicted';
}

export const FINDING_RULES: Readonly<Record<FindingCode, FindingRule>> = {
  'figure-contradicted': {
    id: 'figure-contradicted',
    name: 'FigureContradicted',
    shortDescription: 'A figure in the draft is contradicted by a source',
    fullDescription:
      'A source states a different figure for the same counted thing, event and scope, beyond what the qualifiers and rounding of both allow.',
    help: 'Check the figure against the source evidence shown. Correct it, qualify it ("about", "more than"), or attribute it to whoever stated it.',
    level: 'warning',
  },
  'date-contradicted': {
    id: 'date-contradicted',
    name: 'DateContradicted',
    shortDescription: 'A date in the draft is contradicted by a source',
    fullDescription: 'A source gives a different date (day, month, year or weekday) for the same event.',
    help: 'Check the date against the source evidence shown and correct it, or say which source gives which date.',
    level: 'warning',
  },
  'quote-misattributed': {
    id: 'quote-misattributed',
    name: 'QuoteMisattributed',
    shortDescription: 'A quotation is credited to a different person than the source credits',
    fullDescription: 'A source has these words, but credits them to someone other than the speaker the draft names.',
    help: 'Credit the quotation to the person the source names, or find a source that supports the attribution.',
    level: 'warning',
  },
  'quote-altered': {
    id: 'quote-altered',
    name: 'QuoteAltered',
    shortDescription: 'A quotation differs from the source\u2019s wording',
    fullDescription:
      'A source has this quotation with different words. Changes inside quotation marks need square brackets or an ellipsis.',
    help: 'Quote the source word for word, mark omissions with an ellipsis and insertions with square brackets, or paraphrase without quotation marks.',
    level: 'warning',
  },
  'quote-contradicted': {
    id: 'quote-contradicted',
    name: 'QuoteContradicted',
    shortDescription: 'A quotation is contradicted by a source',
    fullDescription: 'A source contradicts this quotation, for example by reporting that the speaker said something else.',
    help: 'Check the quotation against the source evidence shown.',
    level: 'warning',
  },
  unsupported: {
    id: 'unsupported',
    name: 'Unsupported',
    shortDescription: 'No source supports this figure, date or quotation',
    fullDescription: 'None of the sources states this figure, date or quotation, and none contradicts it.',
    help: 'Add the source it came from to the sources folder, or cut or qualify the claim.',
    level: 'note',
  },
};
