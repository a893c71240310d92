// The CLI end to end at the largest corpus, once per output format: the built binary (server/out/cli.js) run as a
// user runs it, its output thrown away, its wall time and peak RSS printed. A format that cannot write its report
// at this size (the JSON report at 10,000 sources is longer than a string can be) shows as failed.
//
//   node --import tsx bench/cli-formats.ts --dir .cache/bench/10000 --draft .cache/bench/draft-20241223-5000.md
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface FormatRun {
  format: string;
  ok: boolean;
  ms: number;
  peakMB: number | null;
  bytes: number;
  error: string | null;
}

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`cli-formats: missing --${name}`);
  return v;
}

/** Runs the CLI once, counting its output without keeping it; its peak RSS comes from a preloaded hook that reports
 * it on exit. */
export function runFormat(format: string, draft: string, sources: string): Promise<FormatRun> {
  const t = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', pathToFileURL(join(__dirname, 'peak-on-exit.mjs')).href, join(ROOT, 'server', 'out', 'cli.js'), 'check', draft, '--sources', sources, '--format', format, '--fail-on', 'none'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let bytes = 0;
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (bytes += b.length));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
  return new Promise((done) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      const peak = /^PEAK_RSS_KB (\d+)$/m.exec(stderr);
      const error = stderr.split('\n').find((l) => l.startsWith('citecheck: ') && !l.startsWith('citecheck: warning')) ?? (status === 0 ? null : `exit status ${status}`);
      done({ format, ok: status === 0 && error === null, ms: performance.now() - t, peakMB: peak ? Number(peak[1]) / 1000 : null, bytes, error });
    });
  });
}

async function main(): Promise<void> {
  const draft = arg('draft');
  const dir = arg('dir');
  process.stdout.write(`the CLI end to end at ${dir} (output discarded):\n`);
  for (const f of FORMATS) {
    const r = await runFormat(f, draft, dir);
    const size = r.bytes >= 1e6 ? `${(r.bytes / 1e6).toFixed(1)} MB` : `${(r.bytes / 1e3).toFixed(0)} KB`;
    const peak = r.peakMB === null ? '?' : `${r.peakMB.toFixed(0)} MB`;
    process.stdout.write(r.ok ? `  ${f.padEnd(6)} ${(r.ms / 1000).toFixed(1)} s, peak RSS ${peak}, ${size} written\n` : `  ${f.padEnd(6)} FAILED after ${(r.ms / 1000).toFixed(1)} s: ${r.error}\n`);
  }
}

if (require.main === module) void main();
