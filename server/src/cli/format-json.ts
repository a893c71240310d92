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

/**
 * `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (its later lines indented to match), for a
 * value JSON.stringify writes (not undefined, a function or a symbol). Made by one native stringify of the value
 * wrapped in `depth` arrays, whose brackets are then cut off: indenting every line afterwards by a regex took twice
 * as long as the stringify itself, over the millions of verdicts of a report at 10,000 sources.
 */
export function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // Each wrapper opens with "[", a line break and the next level's indent, and closes with a line break, its own
  // level's indent and "]".
  let open = 0;
  let close = 0;
  for (let i = 0; i < depth; i++) {
    open += 2 + 2 * (i + 1);
    close += 2 + 2 * i;
  }
  return s.slice(open, s.length - close);
}

/** JSON of strings that recur: every claim names every source, and most of a claim's verdicts give one reason. */
class JsonStrings {
  private readonly seen = new Map<string, string>();
  of(s: string): string {
    let j = this.seen.get(s);
    if (j === undefined) {
      if (this.seen.size >= 100_000) this.seen.clear();
      this.seen.set(s, (j = JSON.stringify(s)));
    }
    return j;
  }
}

/**
 * A verdict `depth` levels deep as nested() writes it, written directly when it is a plain lacks (its source, its
 * verdict and its reason, in that order, and nothing else): at 10,000 sources nine in ten of a report's 2.8 million
 * verdicts are, and stringifying each took most of the time of writing the report.
 */
function verdictJson(v: unknown, depth: number, strings: JsonStrings): string {
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v);
    const { source, verdict, reason } = v as Record<string, unknown>;
    if (keys.length === 3 && keys[0] === 'source' && keys[1] === 'verdict' && keys[2] === 'reason' && verdict === 'lacks' && typeof source === 'string' && typeof reason === 'string') {
      const at = '  '.repeat(depth + 1);
      return `{\n${at}"source": ${strings.of(source)},\n${at}"verdict": "lacks",\n${at}"reason": ${strings.of(reason)}\n${'  '.repeat(depth)}}`;
    }
  }
  return omitted(v) ? 'null' : nested(v, depth);
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
function* claimChunks(claim: Claim, depth: number, strings: JsonStrings): Generator<string> {
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
      for (const [j, v] of value.entries()) yield `${j === 0 ? '' : ','}\n${inner}  ${verdictJson(v, depth + 2, strings)}`;
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
  const strings = new JsonStrings();
  for (const [k, c] of d.claims.entries()) {
    yield `${k === 0 ? '' : ','}\n        `;
    yield* claimChunks(c, 4, strings);
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
