// The command line: `citecheck check <draft or folder>... --sources <folder or glob>... [options]`.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['contradicted', 'unsupported', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CheckArgs {
  drafts: string[];
  sources: string[];
  format: Format;
  failOn: FailOn;
  config?: string;
  maxFileSize?: number;
  /** --jobs: how many threads index and check (undefined: chosen by the corpus's size, see cli/corpus-threads.ts). */
  jobs?: number;
  /** true/false when --color/--no-color was given (the last one wins), else undefined. */
  color?: boolean;
  quiet: boolean;
}

export type Command = { kind: 'help'; topic: 'main' | 'check' } | { kind: 'version' } | { kind: 'check'; args: CheckArgs };

export const MAIN_HELP = `Usage: citecheck check <draft or folder>... --sources <folder or glob>... [options]

Checks the figures, dates and quotations of article drafts against a folder of source articles.

Commands:
  check       check drafts against sources (citecheck check --help for its options)

Options:
  -h, --help     show this help
  -v, --version  show the version
`;

export const CHECK_HELP = `Usage: citecheck check <draft or folder>... --sources <folder or glob>... [options]

Drafts: .md, .markdown and .txt files, or folders of them (searched recursively).
Sources: .txt, .md (YAML front matter: title, outlet, date, url) and .html/.htm files, as folders
(searched recursively) or glob patterns ("sources/**/*.md"; quote them so the shell leaves them alone).

Options:
  -s, --sources <folder|glob>  where the source articles are (repeatable)
  -f, --format <format>        text (default), json, sarif or github
      --fail-on <level>        exit 1 when a claim is contradicted (default), unsupported
                               (contradicted or unsupported) or none
  -c, --config <file>          read settings from this file instead of ./.citecheck.json
      --max-file-size <bytes>  skip files larger than this (default 5 MB; 500k and 5M also work)
  -j, --jobs <n>               index and check on n threads (default: one per CPU core, up to 4,
                               when the source files hold 10 MB or more; 1: one thread)
      --color, --no-color      force colour on or off (default: on for a terminal, off if NO_COLOR is set)
  -q, --quiet                  print findings only: no warnings, no progress, no supported claims
  -h, --help                   show this help

Configuration (.citecheck.json in the working directory, or --config):
  { "sources": ["sources"], "ignore": ["drafts/old/**"], "maxFileSize": 5242880,
    "languages": ["markdown", "plaintext"], "jobs": 2 }
Command-line options win over the file.

Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 on bad usage or input.
`;

/** "5242880", "500k", "5M", "5MB". */
export function parseSize(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(s);
  if (!m) throw new UsageError(`--max-file-size expects a number of bytes (like 5000000 or 5M), not '${s}'`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : unit === 'g' ? 1024 * 1024 * 1024 : 1;
  const bytes = Math.floor(n * scale);
  if (!(bytes > 0)) throw new UsageError(`--max-file-size must be more than 0, not '${s}'`);
  return bytes;
}

/** The most threads --jobs or "jobs" may ask for. */
export const MAX_JOBS = 64;

/** --jobs: a whole number from 1 to MAX_JOBS. */
export function parseJobs(s: string): number {
  const n = /^\s*\d+\s*$/.test(s) ? Number(s) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS)) throw new UsageError(`--jobs expects a whole number from 1 to ${MAX_JOBS}, not '${s}'`);
  return n;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
}

function cleanParseError(err: unknown): UsageError {
  const msg = err instanceof Error ? err.message : String(err);
  // Node's messages are multi-sentence ("Unknown option '--x'. To specify a positional argument ..."): keep the first.
  const first = msg.split(/\.\s/)[0]?.replace(/\.$/, '') ?? msg;
  return new UsageError(`${first} (see citecheck check --help)`);
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given (try citecheck --help)');
  if (command === '-h' || command === '--help' || command === 'help') return { kind: 'help', topic: 'main' };
  if (command === '-v' || command === '--version' || command === 'version') return { kind: 'version' };
  if (command !== 'check') {
    throw new UsageError(
      command.startsWith('-') ? `unknown option '${command}' (try citecheck --help)` : `unknown command '${command}' (try citecheck --help)`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        sources: { type: 'string', short: 's', multiple: true },
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw cleanParseError(err);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'check' };
  let color: boolean | undefined;
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'option' && t.name === 'color') color = true;
    if (t.kind === 'option' && t.name === 'no-color') color = false;
  }
  const args: CheckArgs = {
    drafts: parsed.positionals,
    sources: v.sources ?? [],
    format: v.format === undefined ? 'text' : oneOf('--format', v.format, FORMATS),
    failOn: v['fail-on'] === undefined ? 'contradicted' : oneOf('--fail-on', v['fail-on'], FAIL_ON),
    quiet: v.quiet ?? false,
  };
  if (v.config !== undefined) args.config = v.config;
  if (v['max-file-size'] !== undefined) args.maxFileSize = parseSize(v['max-file-size']);
  if (v.jobs !== undefined) args.jobs = parseJobs(v.jobs);
  if (color !== undefined) args.color = color;
  return { kind: 'check', args };
}
