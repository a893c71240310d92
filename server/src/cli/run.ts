// `citecheck check`: load the config, the drafts and the sources, ask the engine, print the report.
// Everything the command touches comes in through `io`, so it can run in-process as well as from main.ts.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim } from '../core/types';
import { lineStarts, positionAt } from '../core/text/lines';
import { assembleSources, DEFAULT_MAX_FILE_SIZE, findSources, sizedFiles, loadDrafts, loadFound, NotFoundError, withoutText, type DraftsResult, type FilePosition, type LoadOptions, type SourceMeta } from '../sources';
import { CHECK_HELP, MAIN_HELP, parseCommandLine, type CheckArgs } from './args';
import { loadConfig } from './config';
import { UsageError } from './errors';
import type { ChunkSink } from './write-chunks';
import { reportWriter } from './output';
import { collectGarbage, HeapBudget } from '../collect-garbage';
import { Progress } from './progress';
import { threadsFor } from './corpus-threads';
import { openCorpus, openFiles, type CheckCorpus } from '../parallel/open-corpus';
import { claimsInFiles, cutoffMessage, num, reachesFailOn, type Report } from './report';
import { VERSION } from './version';

export interface Io {
  stdout: ChunkSink & { isTTY?: boolean };
  stderr: { isTTY?: boolean; write(s: string): boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function warn(io: Io, message: string): void {
  io.stderr.write(`citecheck: warning: ${message}\n`);
}

function useColor(args: CheckArgs, io: Io): boolean {
  if (args.color !== undefined) return args.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** Runs the command line; returns the exit code. Throws UsageError for bad usage or input. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseCommandLine(argv);
  if (command.kind === 'help') {
    io.stdout.write(command.topic === 'check' ? CHECK_HELP : MAIN_HELP);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const args = command.args;
  const { config, warnings: configWarnings } = loadConfig(args.config, io.cwd);
  const report = (m: string) => {
    if (!args.quiet) warn(io, m);
  };
  configWarnings.forEach(report);

  if (args.drafts.length === 0) throw new UsageError('no drafts given (citecheck check <draft or folder>... --sources <folder>)');
  const sourceArgs = args.sources.length > 0 ? args.sources : (config.sources ?? []);
  if (sourceArgs.length === 0) throw new UsageError('no sources given: use --sources <folder or glob>, or "sources" in .citecheck.json');
  const maxFileSize = args.maxFileSize ?? config.maxFileSize;
  const common = { cwd: io.cwd, ...(maxFileSize !== undefined ? { maxFileSize } : {}), ...(config.ignore ? { ignore: config.ignore } : {}) };

  const drafts = await loadDrafts(args.drafts, { ...common, ...(config.languages ? { languages: config.languages } : {}) }).catch(
    (err: unknown) => {
      if (err instanceof NotFoundError) throw new UsageError(`draft ${err.message}`);
      throw err;
    },
  );
  drafts.warnings.forEach(report);

  const progress = Progress.for(io.stderr, args.quiet, io.env);
  const { corpus, sources } = await openSources(sourceArgs, {
    load: { ...common, onProgress: (done, total) => progress.update('Reading', done, total) },
    jobs: args.jobs ?? config.jobs,
    progress,
    report,
    // Once the sources are read, and before they are indexed.
    beforeIndex: () => {
      if (drafts.drafts.length === 0) throw new UsageError(`no drafts to check in ${args.drafts.join(', ')}`);
    },
  });
  // Indexing leaves tens of megabytes of garbage, and on several threads the texts sent to the workers: collected
  // now (about 0.1 s at 10,000 sources), the check reuses that memory. Without it the peak at 10,000 sources was
  // 559 MB on one thread (now 524) and 708 MB on two (now 670).
  collectGarbage();
  try {
    return await checkDrafts(corpus, { args, io, sources, drafts, report, progress });
  } finally {
    await corpus.close();
  }
}

/** Loads the sources and indexes them. What is returned holds no source's text. On several threads each thread loads
 * its own share of the files, so that this one never holds the others' texts; on one, the files are read first
 * ("Reading"), then indexed. */
async function openSources(
  sourceArgs: readonly string[],
  { load, jobs, progress, report, beforeIndex }: { load: LoadOptions; jobs: number | undefined; progress: Progress; report: (message: string) => void; beforeIndex: () => void },
): Promise<{ corpus: CheckCorpus; sources: SourceMeta[] }> {
  const found = await findSources(sourceArgs, load).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new UsageError(`sources ${err.message}`);
    throw err;
  });
  const noSources = () => new UsageError(`no sources loaded from ${sourceArgs.join(', ')}`);
  const files = sizedFiles(found.files);
  const threads = threadsFor(jobs, files.map((f) => f.bytes));
  const indexing = (done: number, total: number) => progress.update('Indexing', done, total);
  if (threads > 1 && new Set(found.files.map((f) => f.rel)).size === found.files.length) {
    beforeIndex();
    // Each thread reads its files and indexes them: one count of files for both.
    const loading = (done: number, total: number) => progress.update('Reading and indexing', done, total, 'files');
    const opened = await openFiles(files, threads, load.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, loading, report).finally(() => progress.clear());
    const { sources, warnings } = assembleSources(opened.loaded, found.warnings);
    warnings.forEach(report);
    if (sources.length === 0) {
      await opened.corpus.close();
      throw noSources();
    }
    return { corpus: opened.corpus, sources };
  }
  const loaded = await loadFound(found, load).finally(() => progress.clear());
  loaded.warnings.forEach(report);
  if (loaded.sources.length === 0) throw noSources();
  beforeIndex();
  const corpus = await openCorpus(loaded.sources, threads, indexing, report).finally(() => progress.clear());
  return { corpus, sources: loaded.sources.map(withoutText) };
}

/** Checks each draft against the corpus and writes the report; returns the exit code. */
async function checkDrafts(corpus: CheckCorpus, { args, io, sources, drafts, report, progress }: Session): Promise<number> {
  // A source of millions of numbers is read up to its 50,000th mention: say where (in the file, for an HTML page).
  for (const src of sources) {
    const readTo = corpus.readTo(src.id);
    if (readTo !== undefined) report(`${src.path}: ${cutoffMessage(src.locate(readTo), 'read')}`);
  }

  const remapped = new Map<string, (offset: number) => FilePosition>();
  for (const s of sources) if (s.remapped) remapped.set(s.id, s.locate);
  // Each draft's part of the report is written as soon as it is checked (see output.ts).
  const writer = reportWriter(args.format, io.stdout, sources.map(reportSource), {
    text: { color: useColor(args, io), quiet: args.quiet },
    sarif: { rootUri: pathToFileURL(io.cwd.endsWith('/') ? io.cwd : `${io.cwd}/`).href },
    warn: report,
  });
  // Checking is per draft; with many drafts or a large corpus each takes a while, so the count shows at once.
  const longCheck = drafts.drafts.length >= 20 || sources.length >= 200;
  const checking = new Progress(io.stderr, progress.enabled && longCheck, 1, 0);
  // A draft that is also one of the sources (drafts kept with their sources, or a folder of articles checked against
  // one another) is not checked against itself.
  const sourceAt = new Map(sources.map((src) => [path.resolve(io.cwd, src.path), src.id]));
  const many = drafts.drafts.length > 1;
  const heap = new HeapBudget(collectGarbage, 64e6);
  for (const [i, draft] of drafts.drafts.entries()) {
    // Within a draft the sources are counted as they are verified: a large corpus takes seconds per draft.
    const label = many ? `Checking draft ${num(i + 1)} of ${num(drafts.drafts.length)}:` : 'Checking the draft:';
    const onProgress = (done: number, total: number): void => checking.update(label, done, total);
    let claims: Claim[];
    try {
      // With several drafts, what each source's verification works out is kept for the next draft.
      const ownSource = sourceAt.get(path.resolve(io.cwd, draft.abs));
      const onCutoff = (readTo: number): void => {
        const at = positionAt(lineStarts(draft.text), readTo);
        report(`${draft.path}: ${cutoffMessage({ line: at.line + 1, column: at.character + 1 }, 'checked')}`);
      };
      claims = await corpus.check(draft.text, { language: draft.language, keepPreparations: many, onProgress, onCutoff, ...(ownSource !== undefined ? { ownSource } : {}) });
    } catch (err) {
      throw new Error(`checking ${draft.path} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // The progress line is cleared before the draft's lines go to the terminal, and drawn again by the next draft.
    checking.clear();
    await writer.draft({ path: draft.path, language: draft.language, claims: claimsInFiles(claims, remapped) });
    // A checked draft leaves its verdicts behind as garbage, which V8 would let pile up to about twice the live heap
    // before collecting (six drafts at 10,000 sources: 1 GB); collected once it has grown by 64 MB.
    if (many) heap.afterWork();
  }
  checking.clear();
  return reachesFailOn(await writer.end(), args.failOn) ? 1 : 0;
}

/** What a check of drafts needs of the command line's run. */
interface Session {
  args: CheckArgs;
  io: Io;
  /** The sources, without their texts. */
  sources: SourceMeta[];
  drafts: DraftsResult;
  report: (message: string) => void;
  progress: Progress;
}

function reportSource(s: SourceMeta) {
  const out: Report['sources'][number] = { id: s.id, path: s.path, locate: s.locate };
  if (s.title !== undefined) out.title = s.title;
  if (s.outlet !== undefined) out.outlet = s.outlet;
  if (s.date !== undefined) out.date = s.date;
  if (s.url !== undefined) out.url = s.url;
  return out;
}
