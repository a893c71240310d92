// What the hover must show, asked of the engine through the CLI's JSON report: the test never decides a verdict
// itself, it checks that the editor shows the engine's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';

export interface ExpectedVerdict {
  /** How the hover may name the source: its title, its file name, or the file name without extension. */
  names: string[];
  name: string;
  verdict: string;
}

export interface ExpectedClaim {
  text: string;
  status: string;
  /** 1-based, as the Problems panel says it. */
  line: number;
  start: number;
  end: number;
  verdicts: ExpectedVerdict[];
}

interface JsonReport {
  sources: { id: string; path: string; title: string | null }[];
  drafts: { claims: { text: string; start: number; end: number; range: { start: { line: number } }; status: string; verdicts: { source: string; verdict: string }[] }[] }[];
}

const CLI = 'server/out/cli.js';

type ReportClaim = JsonReport['drafts'][number]['claims'][number];

/** The engine's claim in `draft` that `find` picks, with its verdicts, from `citecheck check --format json`. */
export function engineClaim(draft: string, sourcesDir: string, find: (c: ReportClaim) => boolean, what: string): ExpectedClaim {
  if (!existsSync(CLI)) {
    const b = spawnSync('npm', ['run', '-s', 'build'], { encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr.trim().split('\n').pop() ?? ''}`);
  }
  const r = spawnSync(process.execPath, [CLI, 'check', draft, '--sources', sourcesDir, '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`citecheck check failed: ${r.stderr.trim().split('\n').pop() ?? ''}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  const claim = report.drafts[0]?.claims.find(find);
  if (!claim) throw new Error(`the engine finds no claim for ${what} in ${draft}`);
  if (claim.verdicts.length !== report.sources.length) {
    throw new Error(`the engine gives ${claim.verdicts.length} verdicts for ${report.sources.length} sources`);
  }
  return {
    text: claim.text,
    status: claim.status,
    line: claim.range.start.line + 1,
    start: claim.start,
    end: claim.end,
    verdicts: claim.verdicts.map((v) => {
      const source = report.sources.find((s) => s.id === v.source);
      const file = basename(source?.path ?? v.source);
      const names = [source?.title, file, basename(file, extname(file)), v.source].filter((n): n is string => !!n);
      return { names, name: names[0] ?? v.source, verdict: v.verdict };
    }),
  };
}

/** The hover's Markdown table comes back from the page as one line per row; each source needs a row with its verdict. */
const VERDICT_WORDS: Record<string, RegExp> = {
  supports: /\bsupport/i,
  contradicts: /\bcontradict/i,
  lacks: /\black|\bunsupported|\bnot found|\bno mention/i,
};

export function hoverProblems(text: string, claim: ExpectedClaim): string[] {
  const lines = text.split('\n');
  const problems: string[] = [];
  for (const v of claim.verdicts) {
    const rows = lines.filter((l) => v.names.some((n) => l.includes(n)));
    const word = VERDICT_WORDS[v.verdict] ?? new RegExp(v.verdict, 'i');
    if (rows.length === 0) problems.push(`the hover does not name source ${v.name}`);
    else if (!rows.some((l) => word.test(l))) problems.push(`the hover's row for ${v.name} does not say "${v.verdict}"`);
  }
  return problems;
}
