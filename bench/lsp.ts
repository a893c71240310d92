// Editor latency through the real language server (issue 3, section 1): spawns `node server/out/server.js
// --stdio`, indexes generated sources over JSON-RPC like any LSP client, opens the 5,000-word bench draft, then
// makes small edits (a character typed in different paragraphs, a figure changed) and times each didChange to
// the answer of the textDocument/diagnostic pulled right after it.
//
//   node --import tsx bench/lsp.ts [--sources 2000] [--edits 50] [--seed N] [--words 5000] [--reindex]
//
// Prints one summary line starting "LSP:" (bench/run.ts runs this after the engine sizes, with 2,000 sources for
// the latency target and 10,000 for the memory target) and writes .cache/bench/lsp-results-<sources>.json. Server
// memory is its peak resident set (VmHWM in /proc/<pid>/status).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DEFAULT_SEED, ensureCorpus, generateDraft } from './generate';

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, '.cache', 'bench');
/** Issue 3's targets: edit latency with 2,000 sources, the server's memory with 10,000. */
const TARGET_MS = 50;
const LATENCY_TARGET_SOURCES = 2000;
const TARGET_MB = 600;
const MEMORY_TARGET_SOURCES = 10000;
const INDEX_TIMEOUT_MS = 15 * 60_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`bench/lsp: --${name} must be a positive integer`);
  return v;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function memoryMB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: (kb('VmRSS') * 1024) / 1e6, peak: (kb('VmHWM') * 1024) / 1e6 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

interface Edit {
  what: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** Small edits spread over the draft: a letter typed at the end of a paragraph line, or one digit of a figure changed. */
function edits(draft: string, count: number): Edit[] {
  const lines = draft.split('\n');
  const prose = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^[A-Z]/.test(l) && l.length > 40);
  const figures = lines.flatMap((l, i) => [...l.matchAll(/\b\d{1,3}(?:,\d{3})+\b/g)].map((m) => ({ line: i, character: (m.index ?? 0) + 1, digit: m[0].charAt(1) })));
  const out: Edit[] = [];
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0 && prose.length > 0) {
      const p = prose[Math.floor((k / count) * prose.length)]!;
      const at = { line: p.i, character: p.l.length };
      out.push({ what: 'type', range: { start: at, end: at }, text: 'x' });
      // Each paragraph gets its character once; keep later edits' positions right.
      p.l += 'x';
      lines[p.i] = p.l;
    } else if (figures.length > 0) {
      const f = figures[Math.floor((k / count) * figures.length)]!;
      const next = f.digit === '9' ? '1' : String(Number(f.digit) + 1);
      out.push({ what: 'figure', range: { start: { line: f.line, character: f.character }, end: { line: f.line, character: f.character + 1 } }, text: next });
      f.digit = next;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const size = option('sources', 2000);
  const count = option('edits', 50);
  const seed = option('seed', DEFAULT_SEED);
  const words = option('words', 5000);
  mkdirSync(CACHE, { recursive: true });
  const folder = String(size);
  ensureCorpus(join(CACHE, folder), size, seed);
  const draft = generateDraft(words, seed);
  const draftPath = join(CACHE, `draft-${seed}-${words}.md`);
  writeFileSync(draftPath, draft);
  const uri = pathToFileURL(draftPath).href;

  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let ready: (() => void) | null = null;
  const indexed = new Promise<void>((res) => (ready = res));
  conn.onNotification('citecheck/status', (s: { state: string; total: number; indexed: number }) => {
    if (s.state === 'ready' && s.total > 0 && s.indexed === s.total) ready?.();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => ({ sources: [folder] })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();

  try {
    const t0 = performance.now();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(CACHE).href,
      workspaceFolders: [{ uri: pathToFileURL(CACHE).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { synchronization: { dynamicRegistration: true }, diagnostic: { dynamicRegistration: true }, publishDiagnostics: { relatedInformation: true } },
        window: { workDoneProgress: true },
      },
    });
    await conn.sendNotification('initialized', {});
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([indexed, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('indexing did not finish in time')), INDEX_TIMEOUT_MS)))]);
    clearTimeout(timer);
    const indexMs = performance.now() - t0;
    process.stderr.write(`  LSP: indexed ${fmt(size)} sources in ${fmt(indexMs / 1000, 1)} s; first check of the draft…\n`);

    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
    const t1 = performance.now();
    const first = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
    const firstMs = performance.now() - t1;

    const times: number[] = [];
    const byKind: Record<string, number[]> = {};
    let version = 1;
    for (const e of edits(draft, count)) {
      const t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: e.range, text: e.text }] });
      await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      const ms = performance.now() - t;
      times.push(ms);
      (byKind[e.what] ??= []).push(ms);
    }
    // `--reindex`: then "Citecheck: Reindex Sources", and the draft checked against the new index: the server's
    // peak then covers building a second index while the first one is still in use.
    let reindexMs: number | null = null;
    if (process.argv.includes('--reindex')) {
      const t2 = performance.now();
      await conn.sendRequest('citecheck/reindex', {});
      await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      reindexMs = performance.now() - t2;
      process.stderr.write(`  LSP: reindexed and checked again in ${fmt(reindexMs / 1000, 1)} s\n`);
    }
    const mem = memoryMB(child.pid ?? 0);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const latencyMet = size === LATENCY_TARGET_SOURCES ? p95 <= TARGET_MS : null;
    const memoryMet = size === MEMORY_TARGET_SOURCES ? mem.peak <= TARGET_MB : null;
    const result = {
      sources: size, draftWords: words, edits: times.length, indexMs, firstCheckMs: firstMs, firstDiagnostics: first.items.length,
      reindexMs, p50Ms: p50, p95Ms: p95, maxMs: Math.max(...times), byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95) }])),
      serverRssMB: mem.rss, serverPeakRssMB: mem.peak, targetMs: TARGET_MS, met: latencyMet, targetMB: TARGET_MB, memoryMet, timesMs: times,
    };
    writeFileSync(join(CACHE, `lsp-results-${size}.json`), JSON.stringify(result, null, 2) + '\n');
    const verdict = (met: boolean | null, target: string): string => (met === null ? '' : ` (target ${target}, ${met ? 'met' : 'NOT met'})`);
    process.stdout.write(
      `LSP: ${fmt(size)} sources, ${fmt(times.length)} edits: diagnostics after an edit p50 ${fmt(p50, 1)} ms, p95 ${fmt(p95, 1)} ms${verdict(latencyMet, `${TARGET_MS} ms`)}; ` +
        `index ${fmt(indexMs / 1000, 1)} s, first check ${fmt(firstMs / 1000, 1)} s, server peak RSS ${fmt(mem.peak)} MB${verdict(memoryMet, `${TARGET_MB} MB`)}\n`,
    );
    await conn.sendRequest('shutdown', null);
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/lsp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
