// Citecheck's own messages between the language server and its clients, declared once here and imported by
// both sides. Standard LSP covers everything else (diagnostics, hover, code actions, navigation, inlay hints).
// The method-plus-type namespaces follow vscode-languageserver-protocol's own style, which both sides already know.
/* eslint-disable @typescript-eslint/no-namespace */
import { NotificationType, RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { Claim } from '../core/types';

/** Server -> client: what the status bar shows. Sent as indexing progresses and after each check. */
export interface StatusParams {
  state: 'indexing' | 'ready';
  /** Sources indexed so far, and how many were found. */
  indexed: number;
  total: number;
  /** Claims and contradicted claims over all open drafts. */
  claims: number;
  contradicted: number;
}
export namespace StatusNotification {
  export const method = 'citecheck/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface ReportParams extends WorkDoneProgressParams {
  /** Drafts to check (open or on disk). Absent: every open draft and every draft file of the workspace folders. */
  uris?: string[];
}
export interface ReportSourceInfo {
  id: string;
  title: string;
  /** The source file, for links. */
  uri: string;
}
/** How many sources support, contradict and lack a claim (in a compact report, where its list is partial). */
export interface VerdictCounts {
  supports: number;
  contradicts: number;
  lacks: number;
  /** Of the lacks, those with a hint (a near match the claim does not quite have). */
  hinted: number;
}
export interface ReportClaim extends Claim {
  counts?: VerdictCounts;
}
export interface ReportResult {
  /** Claims with their verdicts; evidence lines are 1-based, in the file. In a full report every claim has one verdict
   * per source, in `sources` order. In a compact report (`compact`: more sources than a table can show) a claim lists
   * at most 10 sources that contradict it, 10 that support it and 10 that lack it with a hint, with its `counts`. */
  drafts: { uri: string; claims: ReportClaim[] }[];
  /** Every source, or in a compact report the sources its claims list. */
  sources: ReportSourceInfo[];
  compact?: boolean;
  /** How many sources were checked (in a compact report more than `sources` lists). */
  sourceCount?: number;
}
export namespace ReportRequest {
  export const method = 'citecheck/report';
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

export interface ExportParams {
  format: 'json' | 'sarif';
  /** As for the report: absent means every open draft and every draft file of the workspace folders. */
  uris?: string[];
  /** A local file the server writes the report to, in pieces, instead of returning it: with thousands of sources a
   * JSON report is larger than one string can be (600 MB at 10,000 sources). */
  target?: string;
}
export interface ExportResult {
  /** The CLI's JSON or SARIF output for the same drafts; paths relative to the first workspace folder. Empty when
   * written to `target`, or when the export failed. */
  text: string;
  /** Characters written to `target`. */
  written?: number;
  /** Why the export failed, in one line (nothing was written, or the file is incomplete). */
  error?: string;
}
export namespace ExportRequest {
  export const method = 'citecheck/export';
  export const type = new RequestType<ExportParams, ExportResult, void>(method);
}

export type ReindexParams = Record<string, never>;
export interface ReindexResult {
  /** Sources indexed after reading every source file again. */
  sources: number;
}
export namespace ReindexRequest {
  export const method = 'citecheck/reindex';
  export const type = new RequestType<ReindexParams, ReindexResult, void>(method);
}

/**
 * The command of the "Open source at evidence" code action, arguments `[OpenEvidenceArgs]`. The server runs it
 * (workspace/executeCommand) by asking the client to show the source with the evidence selected
 * (window/showDocument), so it works in any client that supports showDocument; a client needs no code for it.
 */
export const OPEN_EVIDENCE_COMMAND = 'citecheck.server.openEvidence';
export interface OpenEvidenceArgs {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
