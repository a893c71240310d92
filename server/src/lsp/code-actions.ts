// Quick fixes on a claim (figure, quotation, speaker, ignore) and "Open source at evidence". Each quick fix
// carries the diagnostic it fixes.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Server } from './context';
import type { DraftCheck } from './drafts';
import { claimsInRange } from './claims-at';
import { evidenceLocation, sourceTitle } from './evidence';
import { creditFixes, figureFixes, ignoreFix, quoteFixes, type Fix } from './fixes';
import { guard } from './log';
import { OPEN_EVIDENCE_COMMAND, type OpenEvidenceArgs } from './protocol';

/** "Open source at evidence" actions per claim, at most. */
const MAX_OPEN = 3;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function toAction(fix: Fix, doc: TextDocument, diagnostics: Diagnostic[], preferred: boolean): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText }));
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } };
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (preferred) action.isPreferred = true;
  return action;
}

export function claimActions(server: Server, check: DraftCheck, doc: TextDocument, i: number, context: Diagnostic[]): CodeAction[] {
  const info = check.info(i);
  const c = info.claim;
  if (c.status === 'supported') return [];
  const diagnostics = context.filter((d) => d.source === 'citecheck' && sameRange(d.range, c.range));
  const title = (id: string): string => sourceTitle(check.folder, id);
  const fixes = [...figureFixes(info), ...quoteFixes(info, title), ...creditFixes(info, check.text)];
  const actions = fixes.map((f, k) => toAction(f, doc, diagnostics, k === 0 && fixes.length === 1));
  actions.push(toAction(ignoreFix(info, check.text, check.claims), doc, diagnostics, false));
  if (server.support.showDocument) {
    for (const v of [...info.found.take('contradicts', MAX_OPEN), ...info.found.take('supports', MAX_OPEN)].slice(0, MAX_OPEN)) {
      const location = evidenceLocation(check.folder, v);
      if (!location) continue;
      const args: OpenEvidenceArgs = { uri: location.uri, range: location.range };
      actions.push({ title: `Open ${title(v.source)} at the evidence`, kind: CodeActionKind.Empty, command: { title: 'Open source at evidence', command: OPEN_EVIDENCE_COMMAND, arguments: [args] } });
    }
  }
  return actions;
}

export function registerCodeActions(server: Server, connection: Connection): void {
  connection.onCodeAction(
    guard(server.log, 'code actions', [], async (params) => {
      const check = await server.checkOpen(params.textDocument.uri);
      const doc = server.documents.get(params.textDocument.uri);
      if (!check || !doc || doc.version !== check.version) return [];
      return claimsInRange(check, doc, params.range).flatMap((i) => claimActions(server, check, doc, i, params.context.diagnostics));
    }),
  );
  connection.onExecuteCommand(
    guard(server.log, 'command', undefined, async (params) => {
      if (params.command !== OPEN_EVIDENCE_COMMAND) return;
      const args = params.arguments?.[0] as OpenEvidenceArgs | undefined;
      if (!args || typeof args.uri !== 'string') return;
      await connection.window.showDocument({ uri: args.uri, selection: args.range, takeFocus: true });
    }),
  );
}
