// Where a run's report goes, draft by draft: each draft's part is written as soon as the draft is checked and its
// claims let go, so memory holds one draft's verdicts, not every draft's (at 10,000 sources a draft's claims keep
// about 437,000 verdicts: three drafts took 750 MB, and a CI run over dozens of drafts would not have fit).
import { jsonDraft, jsonHead, jsonTail } from './format-json';
import { githubLines } from './format-github';
import { sarifLog, sarifResults, type SarifOptions } from './format-sarif';
import { textLines, textSummary, type TextOptions } from './format-text';
import { addCounts, summaryOf, type Counts, type DraftReport, type ReportSource } from './report';
import { writeChunks, type ChunkSink } from './write-chunks';

export type Format = 'text' | 'json' | 'sarif' | 'github';

export interface ReportWriter {
  /** Writes one draft's part of the report. */
  draft(d: DraftReport): Promise<void>;
  /** Writes what follows the last draft; resolves to the run's counts. */
  end(): Promise<Counts>;
}

export interface WriterOptions {
  text: TextOptions;
  sarif: SarifOptions;
  /** A one-line warning for the user (stderr). */
  warn?: (message: string) => void;
}

export function reportWriter(format: Format, out: ChunkSink, sources: readonly ReportSource[], opts: WriterOptions): ReportWriter {
  const counts: Counts = { claims: 0, contradicted: 0, supported: 0, unsupported: 0 };
  const byId = new Map(sources.map((s) => [s.id, s]));
  let drafts = 0;
  const lines = (ls: readonly string[]): Promise<number> => (ls.length === 0 ? Promise.resolve(0) : writeChunks(out, [ls.join('\n') + '\n']));
  // SARIF is one log with one list of results: a draft's results (small: at most 100 related locations each) are
  // kept until the end, its claims are not.
  const results: Record<string, unknown>[] = [];
  let started = false;
  return {
    async draft(d) {
      addCounts(counts, d.claims);
      if (format === 'json') {
        await writeChunks(out, (function* () {
          if (!started) yield jsonHead(sources);
          yield* jsonDraft(d, drafts);
        })());
        started = true;
      } else if (format === 'sarif') for (const r of sarifResults(d, byId)) results.push(r);
      else await lines(format === 'github' ? githubLines(d) : textLines(d, byId, opts.text));
      drafts++;
    },
    async end() {
      const summary = summaryOf(counts, drafts, sources.length);
      if (format === 'json') await writeChunks(out, [...(started ? [] : [jsonHead(sources)]), jsonTail(drafts)]);
      else if (format === 'sarif') await writeChunks(out, [JSON.stringify(sarifLog(results, { ...opts.sarif, warn: opts.warn }), null, 2) + '\n']);
      else await lines([format === 'github' ? summary : textSummary(summary, opts.text)]);
      return counts;
    },
  };
}
