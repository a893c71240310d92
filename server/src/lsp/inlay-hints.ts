// Inlay hints after each claim: how many sources support it, contradict it and lack it (✓3 ✗1 –1), when
// citecheck.inlayHints is on.
import { type Connection, type InlayHint } from 'vscode-languageserver';
import type { Server } from './context';
import type { ClaimInfo } from './claim-info';
import { claimsInRange } from './claims-at';
import { guard } from './log';

export function inlayLabel(info: ClaimInfo): string {
  return `✓${info.found.count('supports')} ✗${info.found.count('contradicts')} –${info.lacks}`;
}

export function registerInlayHints(server: Server, connection: Connection): void {
  connection.languages.inlayHint.on(
    guard(server.log, 'inlay hints', [], async (params) => {
      const settings = await server.settings.get(params.textDocument.uri);
      if (!settings.inlayHints) return [];
      const check = await server.checkOpen(params.textDocument.uri);
      const doc = server.documents.get(params.textDocument.uri);
      if (!check || !doc || doc.version !== check.version) return [];
      return claimsInRange(check, doc, params.range).map((i): InlayHint => {
        const info = check.info(i);
        return { position: info.claim.range.end, label: inlayLabel(info), paddingLeft: true, tooltip: info.claim.summary };
      });
    }),
  );
}
