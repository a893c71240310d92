// citecheck/report and citecheck/export: a workspace check for reviewers. Drafts that are open are checked as
// the editor has them, the others as they are on disk; the export reuses the CLI's JSON and SARIF formatters.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { Claim, Language } from '../core/types';
import { claimsInFiles, num, type Report } from '../cli/report';
import { jsonChunks } from '../cli/format-json';
import { formatSarif } from '../cli/format-sarif';
import type { FilePosition } from '../sources/load';
import type { Server } from './context';
import { draftDiagnostics } from './diagnostics';
import { Drafts, type DraftCheck } from './drafts';
import { errorText, guard } from './log';
import { ExportRequest, ReportRequest, type ExportResult, type ReportClaim, type ReportResult } from './protocol';
import { FoundVerdicts, verifiedVerdicts } from '../core/check';
import { relativeId, uriToPath } from './source-files';

const ENGINE_LANGUAGES: readonly Language[] = ['markdown', 'plaintext'];

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function languageIdOf(file: string): string {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** The drafts a report covers: the ones asked for, or every open draft and every draft file of the folders. */
async function draftUris(server: Server, uris: string[] | undefined): Promise<string[]> {
  if (uris) return uris;
  const out = new Set<string>();
  for (const doc of server.documents.all()) {
    const settings = await server.settings.get(doc.uri);
    if (settings.languages.includes(doc.languageId)) out.add(doc.uri);
  }
  for (const folder of server.folders.list) {
    if (folder.path === '') continue;
    const settings = await server.settings.get(folder.uri);
    const languages = ENGINE_LANGUAGES.filter((l) => settings.languages.includes(l));
    const found = await server.deps.findDrafts(folder.path, { cwd: folder.path, ignore: folder.ignore, languages });
    for (const d of found.drafts) {
      const rel = relativeId(folder.path, d.abs);
      // Sources are not drafts, and neither are the folder's own notes outside what the settings call drafts.
      if (rel !== null && !folder.isSource(rel)) out.add(pathToFileURL(d.abs).href);
    }
  }
  return [...out];
}

/** Checks the drafts, yielding between them; on-disk drafts are kept for workspace diagnostics. */
export async function checkDrafts(server: Server, files: Drafts, uris: string[] | undefined, onDraft?: (done: number, total: number) => void): Promise<DraftCheck[]> {
  const out: DraftCheck[] = [];
  const all = await draftUris(server, uris);
  for (const [i, uri] of all.entries()) {
    onDraft?.(i, all.length);
    const open = server.documents.get(uri);
    if (open) {
      const check = await server.checkOpen(uri);
      if (check) out.push(check);
      continue;
    }
    const file = uriToPath(uri);
    if (file === null) continue;
    const read = server.deps.readDraft(file);
    if (!read.ok) {
      server.log.warn(`${file}: skipped: ${read.reason}`);
      continue;
    }
    try {
      const check = files.check({ uri, version: 0, languageId: languageIdOf(file), getText: () => read.text }, server.folders.forUri(uri));
      server.reported.set(uri, check);
      out.push(check);
    } catch (err) {
      server.log.warn(`${file}: check failed: ${errorText(err)}`);
    }
    await yieldToLoop();
  }
  return out;
}

/** Claims with every verdict, evidence lines and columns in the source files. */
/** Where each source of the check's folder puts an offset of its text in its file. */
function locatorsOf(check: DraftCheck): Map<string, (offset: number) => FilePosition> {
  const locate = new Map<string, (offset: number) => FilePosition>();
  for (const [id, s] of check.folder.sources) locate.set(id, s.locate);
  return locate;
}

function claimsOnDisk(check: DraftCheck): Claim[] {
  return claimsInFiles(check.claims, locatorsOf(check));
}

/** Per kind, the verdicts a compact report lists for a claim. */
const COMPACT_LIST = 10;

function reportOf(checks: DraftCheck[], fullSources: number): ReportResult {
  const sources: ReportResult['sources'] = [];
  const folders = new Set(checks.map((c) => c.folder));
  for (const f of folders) for (const s of f.sources.values()) sources.push({ id: s.id, title: s.title, uri: s.uri });
  if (sources.length <= fullSources) return { drafts: checks.map((c) => ({ uri: c.uri, claims: claimsOnDisk(c) })), sources };
  // Compact: the claims' telling verdicts, a few of each kind, read from the check's found verdicts; only the sources
  // they name.
  const named = new Set<string>();
  const drafts = checks.map((c) => {
    const briefs: ReportClaim[] = c.claims.map((claim) => {
      const found = verifiedVerdicts(claim) ?? FoundVerdicts.fromList(claim.verdicts);
      const kept = [...found.take('contradicts', COMPACT_LIST), ...found.take('supports', COMPACT_LIST), ...found.take('hinted', COMPACT_LIST)];
      for (const v of kept) named.add(v.source);
      const supports = found.count('supports');
      const contradicts = found.count('contradicts');
      // Field by field: a spread would read the claim's full list (made on first read, one verdict per source).
      return {
        kind: claim.kind,
        text: claim.text,
        start: claim.start,
        end: claim.end,
        range: claim.range,
        speaker: claim.speaker,
        status: claim.status,
        sourcesDisagree: claim.sourcesDisagree,
        summary: claim.summary,
        verdicts: kept,
        counts: { supports, contradicts, lacks: found.sources - supports - contradicts, hinted: found.count('hinted') },
      };
    });
    return { uri: c.uri, claims: claimsInFiles(briefs, locatorsOf(c)) as ReportClaim[] };
  });
  return { drafts, sources: sources.filter((s) => named.has(s.id)), compact: true, sourceCount: sources.length };
}

function cliReport(server: Server, checks: DraftCheck[]): { report: Report; root: string } {
  const root = server.folders.list[0]?.path || process.cwd();
  const shown = (file: string): string => relativeId(root, file) ?? file;
  const report: Report = { sources: [], drafts: [] };
  for (const f of new Set(checks.map((c) => c.folder))) {
    for (const s of f.sources.values()) {
      const file = uriToPath(s.uri) ?? s.id;
      report.sources.push({ id: s.id, path: shown(file), title: s.title, locate: s.locate });
    }
  }
  for (const c of checks) {
    const file = uriToPath(c.uri);
    report.drafts.push({ path: file ? shown(file) : c.uri, language: languageIdOf(c.uri) as Language, claims: claimsOnDisk(c) });
  }
  return { report, root };
}

export function registerReport(server: Server, connection: Connection): void {
  const files = new Drafts();
  const afterReport = async (checks: DraftCheck[]): Promise<void> => {
    // The Problems panel gets every draft of the report, not just the open ones.
    if (server.support.pullDiagnostics) {
      if (server.support.diagnosticRefresh) connection.languages.diagnostics.refresh();
      return;
    }
    for (const c of checks) {
      if (server.documents.get(c.uri)) continue;
      await connection.sendDiagnostics({ uri: c.uri, diagnostics: draftDiagnostics(c, await server.settings.get(c.uri)) });
    }
  };
  connection.onRequest(
    ReportRequest.type,
    guard(server.log, 'report', { drafts: [], sources: [] } as ReportResult, async (params) => {
      // With a work-done token the client shows how far the check of every draft has got (seconds per draft at
      // thousands of sources).
      const progress = params?.workDoneToken === undefined ? null : connection.window.attachWorkDoneProgress(params.workDoneToken);
      progress?.begin('Citecheck', 0, 'Checking drafts', false);
      try {
        const checks = await checkDrafts(server, files, params?.uris, (done, total) =>
          progress?.report(Math.round((100 * done) / Math.max(total, 1)), `Checking draft ${num(done + 1)} of ${num(total)}`),
        );
        await afterReport(checks);
        return reportOf(checks, server.deps.reportFullSources);
      } finally {
        progress?.done();
      }
    }),
  );
  connection.onRequest(
    ExportRequest.type,
    guard(server.log, 'export', { text: '', error: 'the export failed (see the Citecheck output)' } as ExportResult, async (params) => {
      const checks = await checkDrafts(server, files, params?.uris);
      const { report, root } = cliReport(server, checks);
      const sarif = params?.format === 'sarif';
      const chunks = (): Iterable<string> => (sarif ? [formatSarif(report, { rootUri: pathToFileURL(root + path.sep).href, warn: (m) => server.log.warn(m) })] : jsonChunks(report));
      if (params?.target === undefined) return { text: [...chunks()].join('') };
      // Written by the server in pieces: a report too large for one string still reaches the file.
      try {
        return { text: '', written: await server.deps.writeReport(params.target, chunks()) };
      } catch (err) {
        server.log.error(`export to ${params.target} failed: ${errorText(err)}`);
        return { text: '', error: `could not write ${params.target}: ${errorText(err)}` };
      }
    }),
  );
}
