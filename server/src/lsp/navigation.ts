// Go to definition on a claim: the evidence that supports or contradicts it. Find references: every source
// sentence about it, the evidence and the related sentences of sources that lack it.
import type { Connection, Location } from 'vscode-languageserver';
import type { Server } from './context';
import type { ClaimInfo } from './claim-info';
import type { DraftCheck } from './drafts';
import { claimAt } from './claims-at';
import { evidenceLocation } from './evidence';
import { guard } from './log';

function locations(check: DraftCheck, info: ClaimInfo, withHints: boolean): Location[] {
  const { found } = info;
  const verdicts = [...found.take('contradicts'), ...found.take('supports'), ...(withHints ? found.take('hinted') : [])];
  return verdicts.flatMap((v) => evidenceLocation(check.folder, v, withHints) ?? []);
}

export function registerNavigation(server: Server, connection: Connection): void {
  const at = async (uri: string, position: { line: number; character: number }): Promise<{ check: DraftCheck; info: ClaimInfo } | null> => {
    const check = await server.checkOpen(uri);
    const doc = server.documents.get(uri);
    if (!check || !doc || doc.version !== check.version) return null;
    const i = claimAt(check, doc, position);
    return i === null ? null : { check, info: check.info(i) };
  };
  connection.onDefinition(
    guard(server.log, 'definition', null, async (params) => {
      const hit = await at(params.textDocument.uri, params.position);
      return hit ? locations(hit.check, hit.info, false) : null;
    }),
  );
  connection.onReferences(
    guard(server.log, 'references', null, async (params) => {
      const hit = await at(params.textDocument.uri, params.position);
      return hit ? locations(hit.check, hit.info, true) : null;
    }),
  );
}
