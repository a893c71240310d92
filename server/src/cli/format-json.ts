// The JSON format: the contract of issue 2, section 5. Keep it stable; add fields freely.
import type { Claim } from '../core/types';
import { freshVerdicts } from '../core/check';
import type { DraftReport, Report, ReportSource } from './report';

export function toJson(report: Report) {
  return {
    sources: report.sources.map((s) => {
      const out: Record<string, string | null> = { id: s.id, path: s.path, title: s.title ?? null };
      if (s.outlet !== undefined) out.outlet = s.outlet;
      if (s.date !== undefined) out.date = s.date;
      if (s.url !== undefined) out.url = s.url;
      return out;
    }),
    drafts: report.drafts.map((d) => ({ path: d.path, claims: d.claims })),
  };
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (its later lines indented to match). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** What JSON.stringify leaves out of an object. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * A claim `depth` levels deep, as JSON.stringify(…, null, 2) writes it, one verdict at a time: its per-source list is
 * made for this one use and not kept on the claim (freshVerdicts), since at 10,000 sources the lists of a report's
 * claims hold millions of verdicts, and each verdict is written on its own rather than as one string of the list.
 */
function* claimChunks(claim: Claim, depth: number): Generator<string> {
  const inner = '  '.repeat(depth + 1);
  const fields: [string, unknown][] = [];
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(claim))) {
    if (!d.enumerable) continue;
    const value = key === 'verdicts' ? freshVerdicts(claim) : d.get ? (d.get.call(claim) as unknown) : d.value;
    if (!omitted(value)) fields.push([key, value]);
  }
  if (fields.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [key, value]] of fields.entries()) {
    const head = `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    if (key === 'verdicts' && Array.isArray(value) && value.length > 0) {
      yield `${head}[`;
      for (const [j, v] of value.entries()) yield `${j === 0 ? '' : ','}\n${inner}  ${omitted(v) ? 'null' : nested(v, depth + 2)}`;
      yield `\n${inner}]`;
    } else yield head + nested(value, depth + 1);
  }
  yield `\n${'  '.repeat(depth)}}`;
}

/** The report's opening, up to its drafts: `"sources"` in full, then the drafts' list opened. */
export function jsonHead(sources: readonly ReportSource[]): string {
  return `{\n  "sources": ${nested(toJson({ sources: [...sources], drafts: [] }).sources, 1)},\n  "drafts": [`;
}

/** The `i`-th draft of the report, in pieces of at most one verdict. */
export function* jsonDraft(d: DraftReport, i: number): Generator<string> {
  yield `${i === 0 ? '' : ','}\n    {\n      "path": ${JSON.stringify(d.path)},\n      "claims": [`;
  for (const [k, c] of d.claims.entries()) {
    yield `${k === 0 ? '' : ','}\n        `;
    yield* claimChunks(c, 4);
  }
  yield `${d.claims.length === 0 ? ']' : '\n      ]'}\n    }`;
}

/** The report's end, after `drafts` drafts. */
export function jsonTail(drafts: number): string {
  return `${drafts === 0 ? ']' : '\n  ]'}\n}\n`;
}

/**
 * The report as JSON, exactly as `JSON.stringify(toJson(report), null, 2) + '\n'` writes it, in pieces of one verdict
 * at most: with 10,000 sources every claim carries 10,000 verdicts, and the whole text (over 600 MB) is longer than
 * the longest string V8 can make. The CLI writes the same pieces draft by draft as each is checked.
 */
export function* jsonChunks(report: Report): Generator<string> {
  yield jsonHead(report.sources);
  for (const [i, d] of report.drafts.entries()) yield* jsonDraft(d, i);
  yield jsonTail(report.drafts.length);
}

/** The whole report as one JSON string (for reports that fit in one: the editor's export of a few drafts). */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
