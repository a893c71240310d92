// The `citecheck.*` settings as the server reads them. The same list is declared in package.json
// contributes.configuration (a test keeps the two in sync); keys here drop the `citecheck.` prefix.

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface CitecheckSettings {
  /** Glob patterns of source files, relative to each workspace folder. */
  sources: string[];
  /** Language ids of the documents checked as drafts. */
  languages: string[];
  severity: {
    contradicted: SeverityName;
    unsupported: SeverityName;
  };
  /** Inlay hints after each claim: supports / contradicts / lacks counts. */
  inlayHints: boolean;
  /** Sources larger than this many bytes are skipped with a warning. */
  maxFileSize: number;
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: CitecheckSettings = {
  sources: ['sources/**'],
  languages: ['markdown', 'plaintext'],
  severity: { contradicted: 'warning', unsupported: 'information' },
  inlayHints: true,
  maxFileSize: 5_000_000,
  trace: { server: 'off' },
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
const TRACE_LEVELS: readonly string[] = ['off', 'messages', 'verbose'];

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...(v as string[])] : [...fallback];
}

function oneOf<T extends string>(v: unknown, allowed: readonly string[], fallback: T): T {
  return typeof v === 'string' && allowed.includes(v) ? (v as T) : fallback;
}

/**
 * Settings from whatever the client sent for the `citecheck` section: a value of the wrong type falls back to
 * its default, so a typo in settings.json never stops checking. Dotted keys ("severity.contradicted") are
 * accepted too, since some clients send the flat form.
 */
export function readSettings(raw: unknown): CitecheckSettings {
  const r = record(raw);
  const severity = record(r.severity);
  const trace = record(r.trace);
  const pick = (nested: unknown, flat: string): unknown => nested ?? r[flat];
  const size = r.maxFileSize;
  const d = DEFAULT_SETTINGS;
  return {
    sources: strings(r.sources, d.sources),
    languages: strings(r.languages, d.languages),
    severity: {
      contradicted: oneOf(pick(severity.contradicted, 'severity.contradicted'), SEVERITIES, d.severity.contradicted),
      unsupported: oneOf(pick(severity.unsupported, 'severity.unsupported'), SEVERITIES, d.severity.unsupported),
    },
    inlayHints: typeof r.inlayHints === 'boolean' ? r.inlayHints : d.inlayHints,
    maxFileSize: typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.floor(size) : d.maxFileSize,
    trace: { server: oneOf(pick(trace.server, 'trace.server'), TRACE_LEVELS, d.trace.server) },
  };
}
