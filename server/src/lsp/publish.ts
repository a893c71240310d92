// Getting diagnostics to the client: pulled (textDocument/diagnostic answers with the text as it is at that
// moment, workspace/diagnostic with every open draft and every draft a report checked) when the client can
// pull, otherwise pushed shortly after the typing stops.
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { Server } from './context';
import { draftDiagnostics } from './diagnostics';
import type { DraftCheck } from './drafts';
import { guard } from './log';

/** Identifies one answer: the same draft version, corpus version and settings give the same diagnostics. */
function resultId(server: Server, check: DraftCheck): string {
  return `${check.version}:${check.folder.uri}:${check.corpusVersion}:${server.settings.generation}`;
}

async function diagnosticsOf(server: Server, check: DraftCheck): Promise<Diagnostic[]> {
  return draftDiagnostics(check, await server.settings.get(check.uri));
}

export class Publisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly server: Server) {}

  register(): void {
    const { server } = this;
    const { documents, connection, log } = server;
    if (server.support.pullDiagnostics) {
      connection.languages.diagnostics.on(
        guard(log, 'textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params) => {
          const check = await server.checkOpen(params.textDocument.uri);
          if (!check) return { kind: 'full', items: [] };
          const id = resultId(server, check);
          if (params.previousResultId === id) return { kind: 'unchanged', resultId: id };
          return { kind: 'full', resultId: id, items: await diagnosticsOf(server, check) };
        }),
      );
      connection.languages.diagnostics.onWorkspace(
        guard(log, 'workspace/diagnostic', { items: [] }, async () => {
          const items: WorkspaceDocumentDiagnosticReport[] = [];
          for (const doc of documents.all()) {
            const check = await server.checkOpen(doc.uri);
            if (check) items.push({ kind: 'full', uri: doc.uri, version: doc.version, resultId: resultId(server, check), items: await diagnosticsOf(server, check) });
          }
          for (const check of server.reported.values()) {
            if (documents.get(check.uri)) continue;
            items.push({ kind: 'full', uri: check.uri, version: null, items: await diagnosticsOf(server, check) });
          }
          return { items };
        }),
      );
      return;
    }
    documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  }

  /** Push mode: check and publish after a short pause, so a burst of keystrokes costs one check. */
  schedule(uri: string, delay = this.server.deps.pushDelayMs): void {
    if (this.server.support.pullDiagnostics) return;
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay));
  }

  scheduleAll(): void {
    for (const doc of this.server.documents.all()) this.schedule(doc.uri, 0);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private publish(uri: string): Promise<void> {
    const server = this.server;
    return guard(server.log, 'publishing diagnostics', undefined, async () => {
      const check = await server.checkOpen(uri);
      if (!check) return;
      await server.connection.sendDiagnostics({ uri, version: check.version, diagnostics: await diagnosticsOf(server, check) });
    })();
  }
}
