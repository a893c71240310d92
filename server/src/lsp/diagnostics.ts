// Claims as diagnostics: contradicted and unsupported claims, at the severities the settings give, with the
// finding code and the evidence of each contradicting source as related information.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { ClaimInfo } from './claim-info';
import type { DraftCheck } from './drafts';
import { evidenceLocation, sourceTitle } from './evidence';
import { oneLine } from '../cli/report';
import type { CitecheckSettings, SeverityName } from './settings';
import type { SourceVerdict } from '../core/types';
import { MAX_MENTIONS } from '../core/check';
import { lineStarts, positionAt } from '../core/text/lines';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Related information per diagnostic, at most: with thousands of sources one figure can be contradicted by
 * hundreds, and sending them all on every keystroke costs more than the check (the hover and "find references" list
 * them all). Five, not ten: with 2,000 sources ten per diagnostic made a 380 KB answer to every keystroke, whose
 * encoding and decoding took a fifth of the edit latency (p50 20 ms with five against 27 with ten, same runs). */
const MAX_RELATED = 5;

const KIND_WORD = { figure: 'Figure', date: 'Date', quote: 'Quotation' } as const;

/** `against`: the first contradicting verdicts, in source order (the first with evidence is quoted). */
export function diagnosticMessage(check: DraftCheck, info: ClaimInfo, against: readonly SourceVerdict[]): string {
  const c = info.claim;
  const what = c.status === 'contradicted' ? 'contradicted' : 'not found in the sources';
  let msg = `${KIND_WORD[c.kind]} ${what}: ${c.summary}`;
  if (c.sourcesDisagree) msg += '; the sources disagree among themselves';
  const first = against.find((v) => v.evidence);
  if (first?.evidence) msg += `. ${sourceTitle(check.folder, first.source)}: "${oneLine(first.evidence.wording, 80)}"`;
  return msg;
}

/** A kept diagnostic at the claim's range, written out field by field: an object spread from another is, under
 * Node 20, made in the old generation, and an editor makes hundreds of these for every keystroke. */
function placed(known: Omit<Diagnostic, 'range'>, range: Diagnostic['range']): Diagnostic {
  const d: Diagnostic = { range, severity: known.severity, source: known.source, message: known.message };
  if (known.code !== undefined) d.code = known.code;
  if (known.relatedInformation !== undefined) d.relatedInformation = known.relatedInformation;
  return d;
}

export function claimDiagnostic(check: DraftCheck, info: ClaimInfo, settings: CitecheckSettings): Diagnostic | null {
  const c = info.claim;
  if (c.status === 'supported') return null;
  const level = c.status === 'contradicted' ? settings.severity.contradicted : settings.severity.unsupported;
  if (level === 'off') return null;
  // The same verdicts and severity give the same diagnostic, wherever the claim has moved to.
  const key = `diagnostic:${level}`;
  const known = info.derived.get(key) as Omit<Diagnostic, 'range'> | undefined;
  if (known) return placed(known, c.range);
  // Made again on demand in an editor: read once for the message and the related information.
  const against = info.found.take('contradicts', MAX_RELATED);
  const related: DiagnosticRelatedInformation[] = [];
  for (const v of against) {
    const location = evidenceLocation(check.folder, v);
    // The editor shows the file beside each related location: name the source again only by a title of its own.
    const record = check.folder.sources.get(v.source);
    const title = record && record.title !== record.id ? record.title : null;
    const reason = oneLine(v.reason, 200);
    if (location) related.push({ location, message: title ? `${title}: ${reason}` : reason });
  }
  const d: Diagnostic = {
    range: c.range,
    severity: SEVERITY[level],
    source: 'citecheck',
    message: diagnosticMessage(check, info, against),
  };
  if (info.code !== null) d.code = info.code;
  if (related.length > 0) d.relatedInformation = related;
  const { range: _range, ...rest } = d;
  info.derived.set(key, rest);
  return d;
}

/** Where reading of a draft with more claims than one text may give stopped: said in the Problems panel, at that
 * place, since every claim after it goes unchecked. */
function readLimitDiagnostic(check: DraftCheck, readTo: number): Diagnostic {
  const at = positionAt(lineStarts(check.text), readTo);
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    source: 'citecheck',
    code: 'read-limit',
    message: `Citecheck stopped reading here: the draft has more than ${MAX_MENTIONS.toLocaleString('en-US')} figures, dates and quotations, and the claims after this point are not checked`,
  };
}

export function draftDiagnostics(check: DraftCheck, settings: CitecheckSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (check.readTo !== null) out.push(readLimitDiagnostic(check, check.readTo));
  for (let i = 0; i < check.claims.length; i++) {
    // A supported claim needs no verdicts read at all.
    if (check.claims[i]!.status === 'supported') continue;
    const d = claimDiagnostic(check, check.info(i), settings);
    if (d) out.push(d);
  }
  return out;
}
