// What the formatters print: the sources loaded and, per draft, the engine's claims. Built once by the
// command, read by every format.
import type { Claim, Evidence, Language, SourceVerdict } from '../core/types';
import { MAX_MENTIONS, verifiedVerdicts } from '../core/check';
import type { FilePosition } from '../sources/load';

export interface ReportSource {
  id: string;
  /** Relative to the working directory, '/' separators. */
  path: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  /** Where an offset of the source text lies in the file (1-based); absent when unknown. */
  locate?(offset: number): FilePosition;
}

export interface DraftReport {
  path: string;
  language?: Language;
  claims: Claim[];
}

export interface Report {
  sources: ReportSource[];
  drafts: DraftReport[];
}

export interface Counts {
  claims: number;
  contradicted: number;
  supported: number;
  unsupported: number;
}

export function countClaims(report: Report): Counts {
  const c: Counts = { claims: 0, contradicted: 0, supported: 0, unsupported: 0 };
  for (const d of report.drafts) addCounts(c, d.claims);
  return c;
}

/** Adds a draft's claims to running counts (a run that writes each draft as it is checked keeps only these). */
export function addCounts(c: Counts, claims: readonly Claim[]): Counts {
  for (const claim of claims) {
    c.claims++;
    c[claim.status]++;
  }
  return c;
}

/** Whether the run should exit 1 for --fail-on. */
export function reachesFailOn(report: Report | Counts, failOn: 'contradicted' | 'unsupported' | 'none'): boolean {
  if (failOn === 'none') return false;
  const c = 'drafts' in report ? countClaims(report) : report;
  return c.contradicted > 0 || (failOn === 'unsupported' && c.unsupported > 0);
}

function remapEvidence(e: Evidence, locate: (offset: number) => FilePosition): Evidence {
  if (typeof e.start !== 'number') return e;
  const p = locate(e.start);
  return { ...e, line: p.line, column: p.column };
}

/**
 * Claims whose evidence line/column point into the files on disk. The engine counts lines in the text it
 * was given; for an HTML source that is the extracted article text, so those positions are mapped back.
 * A check that kept its verdict objects has them remapped where they are (only the verdicts it found carry
 * evidence; the full per-source lists, 10,000 verdicts a claim at 10,000 sources, are never made for this).
 */
export function claimsInFiles(claims: Claim[], remapped: ReadonlyMap<string, (offset: number) => FilePosition>): Claim[] {
  if (remapped.size === 0) return claims;
  const moved = new Map<Evidence, Evidence>();
  const remap = (e: Evidence, locate: (offset: number) => FilePosition): Evidence => {
    let out = moved.get(e);
    if (out === undefined) moved.set(e, (out = remapEvidence(e, locate)));
    return out;
  };
  return claims.map((claim) => {
    const found = verifiedVerdicts(claim);
    if (found !== null && found.kept) {
      for (const v of found.all()) {
        const locate = remapped.get(v.source);
        if (!locate) continue;
        if (v.evidence) v.evidence = remap(v.evidence, locate);
        if (v.hint) v.hint = remap(v.hint, locate);
      }
      return claim;
    }
    if (!claim.verdicts.some((v) => remapped.has(v.source))) return claim;
    return {
      ...claim,
      verdicts: claim.verdicts.map((v) => {
        const locate = remapped.get(v.source);
        if (!locate) return v;
        const out = { ...v };
        if (v.evidence) out.evidence = remapEvidence(v.evidence, locate);
        if (v.hint) out.hint = remapEvidence(v.hint, locate);
        return out;
      }),
    };
  });
}

/** "1,234". */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}

/** A claim's text on one line, shortened to `max` characters. */
export function oneLine(s: string, max = 100): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** "12 claims in 2 drafts: 3 contradicted, 6 supported, 3 unsupported; 5 sources". */
export function summaryLine(report: Report): string {
  return summaryOf(countClaims(report), report.drafts.length, report.sources.length);
}

/** The summary line from the counts of a run: "277 claims in 1 draft: 225 contradicted, ...; 10,000 sources". */
export function summaryOf(c: Counts, drafts: number, sources: number): string {
  return (
    `${plural(c.claims, 'claim')} in ${plural(drafts, 'draft')}: ` +
    `${num(c.contradicted)} contradicted, ${num(c.supported)} supported, ${num(c.unsupported)} unsupported; ` +
    `${plural(sources, 'source')}`
  );
}

/** The claim's contradicting verdicts in source order, read from the verdicts the check found where it kept them
 * (a claim's full list has one verdict per source: 10,000 at 10,000 sources). */
export function contradicting(claim: Claim): SourceVerdict[] {
  return verifiedVerdicts(claim)?.take('contradicts') ?? claim.verdicts.filter((v) => v.verdict === 'contradicts');
}

/** The first contradicting verdict with its evidence, for "e.g. <id>: "<wording>"". */
export function firstContradiction(claim: Claim) {
  const against = contradicting(claim);
  return against.find((v) => v.evidence) ?? against[0];
}

/** The claim's headline after its status: `figure "roughly 15,000 soldiers": 5 of 5 sources contradict, e.g. ...`. */
export function claimMessage(claim: Claim, maxText = 100): string {
  const text = oneLine(claim.text, maxText);
  // A quotation's text carries its own marks (or a block quote's '>'); other claims get ours.
  const shown = claim.kind === 'quote' && /^["'“‘«>„]/.test(text) ? text : `"${text}"`;
  let msg = `${claim.kind} ${shown}`;
  if (claim.kind === 'quote' && claim.speaker) msg += ` (${claim.speaker})`;
  if (claim.summary) msg += `: ${claim.summary}`;
  if (claim.status === 'contradicted') {
    const first = firstContradiction(claim);
    if (first?.evidence) msg += `, e.g. ${first.source}: "${oneLine(first.evidence.wording, maxText)}"`;
  }
  return msg;
}

/** "more than 50,000 figures, dates and quotations: read up to line 1,234, column 5" (1-based): where a text with
 * more mentions than one text may give was cut (core/extract/mention-limit.ts). */
export function cutoffMessage(at: FilePosition, verb: 'read' | 'checked'): string {
  return `more than ${num(MAX_MENTIONS)} figures, dates and quotations: ${verb} up to line ${num(at.line)}, column ${num(at.column)}`;
}
