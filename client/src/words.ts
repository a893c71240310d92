// Counts in words, the same way in the status bar, the messages and the report: "1 claim", "1,234 sources",
// with the CLI's own count and plural, so the editor and the command line count alike.
import type { Claim } from '../../server/src/core/types';
import { num as count, plural } from '../../server/src/cli/report';

export { count, plural };

export interface StatusCounts {
  contradicted: number;
  supported: number;
  unsupported: number;
}

export function statusCounts(claims: readonly Claim[]): StatusCounts {
  const c: StatusCounts = { contradicted: 0, supported: 0, unsupported: 0 };
  for (const claim of claims) c[claim.status]++;
  return c;
}

/** "16 claims: 4 contradicted, 10 supported, 2 unsupported" */
export function claimsLine(claims: readonly Claim[]): string {
  const c = statusCounts(claims);
  return `${plural(claims.length, 'claim')}: ${count(c.contradicted)} contradicted, ${count(c.supported)} supported, ${count(c.unsupported)} unsupported`;
}
