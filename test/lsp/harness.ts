// A fresh Citecheck server in this process, talking JSON-RPC over a pair of in-memory streams to a small test
// client: it answers the server's requests (settings, registrations, progress, refresh, showDocument) and
// records every notification, so a test waits on an event (bounded) instead of sleeping.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createConnection, type ClientCapabilities } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/start';
import { nodeDeps, type ServerDeps } from '../../server/src/lsp/deps';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { vscodeCapabilities } from './client-capabilities';

export const EXAMPLES = path.resolve(__dirname, '../../examples');
const WAIT_MS = 20_000;

export interface Recorded {
  method: string;
  params: unknown;
}

export interface StartOptions {
  /** Workspace folder paths. */
  folders: string[];
  pull?: boolean;
  capabilities?: ClientCapabilities;
  /** The `citecheck` settings the client answers with, per scope URI prefix ('' for any). */
  settings?: Record<string, unknown>;
  deps?: Partial<ServerDeps>;
}

export class TestClient {
  readonly events: Recorded[] = [];
  private waiters: { test: (e: Recorded) => boolean; resolve: (e: Recorded) => void }[] = [];
  settings: Record<string, unknown>;
  /** The scope URIs the server asked settings for. */
  readonly configurationScopes: (string | undefined)[] = [];

  constructor(readonly conn: MessageConnection, settings: Record<string, unknown>) {
    this.settings = settings;
    conn.onNotification((method: string, params: unknown) => this.record(method, params));
    conn.onUnhandledProgress((params) => this.record('$/progress', params));
    conn.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => {
        this.configurationScopes.push(item.scopeUri);
        this.record('workspace/configuration', item);
        return item.section === 'citecheck' ? this.settings : null;
      }),
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'workspace/inlayHint/refresh']) {
      conn.onRequest(method, (params: unknown) => {
        this.record(method, params);
        return null;
      });
    }
    conn.onRequest('window/showDocument', (params: unknown) => {
      this.record('window/showDocument', params);
      return { success: true };
    });
  }

  private record(method: string, params: unknown): void {
    const e = { method, params };
    this.events.push(e);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(e)) return true;
      w.resolve(e);
      return false;
    });
  }

  /** The first event (already recorded from index `since` on, or still to come) that passes the test. */
  waitFor<T = unknown>(method: string, test: (params: T) => boolean = () => true, since = 0, timeoutMs = WAIT_MS): Promise<T> {
    const match = (e: Recorded): boolean => e.method === method && test(e.params as T);
    const past = this.events.slice(since).find(match);
    if (past) return Promise.resolve(past.params as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test: match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e.params as T);
        },
      });
    });
  }

  /** Waits until the server has indexed its sources. */
  ready(since = 0): Promise<StatusParams> {
    return this.waitFor<StatusParams>('citecheck/status', (s) => s.state === 'ready', since);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const r = await this.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items ?? [];
  }

  async stop(): Promise<void> {
    // No exit notification: the server would end this process.
    await this.request('shutdown', null).catch(() => undefined);
    this.conn.dispose();
  }
}

export async function startTestServer(options: StartOptions): Promise<TestClient> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = createConnection(up, down);
  startServer(serverConnection, nodeDeps(options.deps));
  serverConnection.listen();
  const conn = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const client = new TestClient(conn, options.settings ?? {});
  conn.listen();
  const folders = options.folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) }));
  await client.request('initialize', {
    // No process id: with one, vscode-languageserver polls the parent process on a timer that keeps the test
    // process alive after its tests end (every LSP test file hung until killed).
    processId: null,
    clientInfo: { name: 'Visual Studio Code', version: '1.90.0' },
    rootUri: folders[0]?.uri ?? null,
    capabilities: options.capabilities ?? vscodeCapabilities({ pull: options.pull ?? true }),
    workspaceFolders: folders,
  });
  await client.notify('initialized', {});
  return client;
}

/** A temporary workspace with a copy of the example sources (and drafts), removed by the returned function. */
export function tempWorkspace(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'citecheck-lsp-'));
  cpSync(path.join(EXAMPLES, 'sources'), path.join(dir, 'sources'), { recursive: true });
  cpSync(path.join(EXAMPLES, 'drafts'), path.join(dir, 'drafts'), { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** For a describe block: a server over a temporary copy of the examples with `files` (paths relative to the copy)
 * written into it, indexed before the block's tests and stopped (the copy removed) after them. */
export function serverOverTempWorkspace(files: Record<string, string>): { client: TestClient; dir: string } {
  const ws = tempWorkspace();
  const out = { client: null as unknown as TestClient, dir: ws.dir };
  before(async () => {
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(ws.dir, rel), text);
    out.client = await startTestServer({ folders: [ws.dir] });
    await out.client.ready();
  });
  after(async () => {
    await out.client.stop();
    ws.cleanup();
  });
  return out;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Offset of the n-th (0-based) occurrence of `needle`, as an LSP position in `text`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] as string).length };
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n' || (c === '\r' && text.charAt(i + 1) !== '\n')) starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }): number => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The example draft most tests read: its path, text and URI. */
export const EXAMPLE_DRAFT = path.join(EXAMPLES, 'drafts', 'north-korean-losses.md');

/** A server over the examples folder, its sources indexed. */
export async function exampleServer(): Promise<TestClient> {
  const client = await startTestServer({ folders: [EXAMPLES] });
  await client.ready();
  return client;
}

/** A server over the examples folder, indexed, with the example draft open. */
export async function serverWithExampleDraft(): Promise<{ client: TestClient; uri: string; text: string }> {
  const text = readFileSync(EXAMPLE_DRAFT, 'utf8');
  const uri = fileUri(EXAMPLE_DRAFT);
  const client = await exampleServer();
  await client.open(uri, text);
  return { client, uri, text };
}

