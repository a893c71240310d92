// Finding the claims under the cursor or in a range of an open draft.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftCheck } from './drafts';

/** Indexes of the claims whose span touches [from, to] (offsets; a cursor just after a claim still counts). */
export function claimsBetween(check: DraftCheck, from: number, to: number): number[] {
  const out: number[] = [];
  check.claims.forEach((c, i) => {
    if (c.start <= to && c.end >= from) out.push(i);
  });
  return out;
}

export function claimAt(check: DraftCheck, doc: TextDocument, position: Position): number | null {
  const at = doc.offsetAt(position);
  const hits = claimsBetween(check, at, at);
  // The innermost claim: a figure inside a longer span wins.
  hits.sort((a, b) => check.claims[a]!.end - check.claims[a]!.start - (check.claims[b]!.end - check.claims[b]!.start));
  return hits[0] ?? null;
}

export function claimsInRange(check: DraftCheck, doc: TextDocument, range: Range): number[] {
  return claimsBetween(check, doc.offsetAt(range.start), doc.offsetAt(range.end));
}
