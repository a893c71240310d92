// Counts in words, the same way in the status bar, the messages and the report: "1 claim", "1,234 sources".
import type { Claim } from '../../server/src/core/types';

const number = new Intl.NumberFormat('en-US');

export function count(n: number): string {
  return number.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

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
