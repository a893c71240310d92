// SARIF 2.1.0 for GitHub code scanning: one rule per finding kind, one result per contradicted or
// unsupported claim, related locations for the evidence of each contradicting source.
import { createHash } from 'node:crypto';
import type { Claim, Evidence } from '../core/types';
import { FINDING_RULES, findingCode, type FindingCode } from '../core/findings';
import { claimMessage, contradicting, oneLine, type DraftReport, type Report, type ReportSource } from './report';
import { INFORMATION_URI, VERSION } from './version';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE = '%SRCROOT%';
/** Related locations per result: GitHub code scanning rejects a result with more than 1,000 locations and shows
 * 100. With thousands of sources a claim has thousands of contradicting ones; the message says how many. */
export const MAX_RELATED = 100;

export interface SarifOptions {
  /** The working directory as a file: URI ending in '/', for originalUriBaseIds. */
  rootUri?: string;
  /** A one-line warning for the user: findings left out of the log. */
  warn?: (message: string) => void;
}

/** Results in one SARIF run: GitHub code scanning rejects a run with more (and shows the first 5,000). */
export const MAX_SARIF_RESULTS = 25_000;

/** At most `max` results, contradictions (level "warning") before unsupported claims ("note"), in their order. */
export function keepResults(results: readonly Record<string, unknown>[], max: number): Record<string, unknown>[] {
  if (results.length <= max) return [...results];
  const warnings = results.filter((r) => r.level === 'warning').length;
  let notes = Math.max(0, max - warnings);
  let kept = 0;
  return results.filter((r) => {
    if (kept >= max) return false;
    if (r.level !== 'warning') {
      if (notes === 0) return false;
      notes--;
    }
    kept++;
    return true;
  });
}

/** A path relative to the working directory as a URI reference: '/' separators, reserved characters escaped. */
export function pathToUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function region(start: { line: number; column: number }, end?: { line: number; column: number }) {
  const r: Record<string, number> = { startLine: Math.max(1, start.line), startColumn: Math.max(1, start.column) };
  if (end && (end.line > r.startLine! || (end.line === r.startLine && end.column > r.startColumn!))) {
    r.endLine = end.line;
    r.endColumn = end.column;
  }
  return r;
}

function evidenceRegion(e: Evidence, src: ReportSource | undefined) {
  if (src?.locate && typeof e.start === 'number' && typeof e.end === 'number' && e.end > e.start) {
    return region({ line: e.line, column: e.column }, src.locate(e.end));
  }
  return region({ line: e.line, column: e.column });
}

function fingerprint(code: string, path: string, claim: Claim, occurrence: number): string {
  const h = createHash('sha256').update(`${code}\0${path}\0${claim.text.replace(/\s+/g, ' ')}\0${occurrence}`).digest('hex');
  return `${h.slice(0, 32)}:${occurrence}`;
}

const codes = Object.keys(FINDING_RULES) as FindingCode[];

export function toSarif(report: Report, opts: SarifOptions = {}) {
  const byId = new Map<string, ReportSource>(report.sources.map((s) => [s.id, s]));
  return sarifLog(report.drafts.flatMap((d) => sarifResults(d, byId)), opts);
}

/** The results of one draft's findings: a run makes each draft's as it is checked, and keeps only these. */
export function sarifResults(draft: DraftReport, byId: ReadonlyMap<string, ReportSource>): Record<string, unknown>[] {
  const results: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  for (const claim of draft.claims) {
    const code = findingCode(claim);
    if (code === null) continue;
    const rule = FINDING_RULES[code];
    const key = `${code}\0${claim.text}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const related = contradicting(claim)
      .filter((v) => v.evidence)
      .slice(0, MAX_RELATED)
      .map((v, i) => {
        const e = v.evidence as Evidence;
        const src = byId.get(v.source);
        return {
          id: i + 1,
          physicalLocation: {
            artifactLocation: { uri: pathToUri(src?.path ?? v.source), uriBaseId: BASE },
            region: evidenceRegion(e, src),
          },
          message: { text: `${v.source}: ${oneLine(v.reason, 300)}` },
        };
      });
    const result: Record<string, unknown> = {
      ruleId: code,
      ruleIndex: codes.indexOf(code),
      level: rule.level,
      message: { text: `${claim.status} ${claimMessage(claim, 200)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(draft.path), uriBaseId: BASE },
            region: region(
              { line: claim.range.start.line + 1, column: claim.range.start.character + 1 },
              { line: claim.range.end.line + 1, column: claim.range.end.character + 1 },
            ),
          },
        },
      ],
      partialFingerprints: { 'citecheckClaim/v1': fingerprint(code, draft.path, claim, occurrence) },
      properties: { kind: claim.kind, status: claim.status, sourcesDisagree: claim.sourcesDisagree, speaker: claim.speaker },
    };
    if (related.length > 0) result.relatedLocations = related;
    results.push(result);
  }
  return results;
}

/** The SARIF log of a run's results, at most MAX_SARIF_RESULTS of them (a warning says how many were left out). */
export function sarifLog(all: Record<string, unknown>[], opts: SarifOptions = {}) {
  const results = keepResults(all, MAX_SARIF_RESULTS);
  if (results.length < all.length) {
    const n = (x: number): string => x.toLocaleString('en-US');
    opts.warn?.(`SARIF holds ${n(results.length)} of ${n(all.length)} findings, contradictions first: GitHub code scanning rejects a run with more than ${n(MAX_SARIF_RESULTS)}`);
  }
  const rules = codes.map((code) => {
    const r = FINDING_RULES[code];
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.shortDescription },
      fullDescription: { text: r.fullDescription },
      help: { text: r.help, markdown: r.help },
      defaultConfiguration: { level: r.level },
      properties: { tags: ['citecheck', r.level === 'warning' ? 'contradiction' : 'unsupported'] },
    };
  });
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'citecheck',
        version: VERSION,
        semanticVersion: VERSION,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (opts.rootUri) run.originalUriBaseIds = { [BASE]: { uri: opts.rootUri } };
  return { $schema: SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatSarif(report: Report, opts: SarifOptions = {}): string {
  return JSON.stringify(toSarif(report, opts), null, 2) + '\n';
}
