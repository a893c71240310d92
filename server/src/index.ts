// The public Node API: what `require('citecheck')` gives.
//
//   const { check } = require('citecheck');
//   const claims = await check({ draft: '...', sources: [{ id: 'a.txt', text: '...' }], language: 'markdown' });
import type { Claim, Language, SourceInput } from './core/types';
import { openCorpus } from './parallel/open-corpus';

export { buildCorpus, checkDraft, addSource, removeSource, createCorpus, extractClaims, ClaimCache, verifiedVerdicts, MAX_MENTIONS } from './core/check';
export type { Corpus, CheckDraftOptions, DraftClaims } from './core/check';
export { findingCode, FINDING_RULES } from './core/findings';
export type { FindingCode, FindingRule } from './core/findings';
export { loadSources, loadDrafts } from './sources';
export type { LoadedSource, LoadedDraft, LoadOptions, SourcesResult, DraftsResult } from './sources';
export type * from './core/types';

export interface CheckInput {
  /** The draft's text. */
  draft: string;
  /** The source articles; every claim gets one verdict per source, in this order. */
  sources: { id: string; text: string; title?: string }[];
  /** How to read the draft: 'markdown' (default) skips code, front matter, link targets and comments. */
  language?: Language;
  /** Index and check on this many threads (default 1): the CLI's `--jobs`, for thousands of sources. The claims are
   * the same. Without the worker script beside this file (a bundle of its own), one thread. */
  jobs?: number;
}

const LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === '') return 'an empty string';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Checks a draft's figures, dates and quotations against sources; resolves to the claims of the JSON contract. */
export async function check(opts: CheckInput): Promise<Claim[]> {
  if (opts === null || typeof opts !== 'object') {
    throw new TypeError(`citecheck.check: expected an options object { draft, sources }, got ${describe(opts)}`);
  }
  const { draft, sources, language, jobs } = opts;
  if (typeof draft !== 'string') throw new TypeError(`citecheck.check: "draft" must be a string, got ${describe(draft)}`);
  if (!Array.isArray(sources)) throw new TypeError(`citecheck.check: "sources" must be an array, got ${describe(sources)}`);
  if (language !== undefined && !LANGUAGES.includes(language)) {
    throw new TypeError(`citecheck.check: "language" must be 'markdown' or 'plaintext', got ${JSON.stringify(language)}`);
  }
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    throw new TypeError(`citecheck.check: "jobs" must be a whole number of at least 1, got ${typeof jobs === 'number' ? String(jobs) : describe(jobs)}`);
  }
  const ids = new Set<string>();
  const inputs: SourceInput[] = sources.map((s, i) => {
    if (s === null || typeof s !== 'object') throw new TypeError(`citecheck.check: sources[${i}] must be an object { id, text }, got ${describe(s)}`);
    if (typeof s.id !== 'string' || s.id === '') throw new TypeError(`citecheck.check: sources[${i}].id must be a non-empty string, got ${describe(s.id)}`);
    if (typeof s.text !== 'string') throw new TypeError(`citecheck.check: sources[${i}].text must be a string, got ${describe(s.text)}`);
    if (s.title !== undefined && typeof s.title !== 'string') {
      throw new TypeError(`citecheck.check: sources[${i}].title must be a string when given, got ${describe(s.title)}`);
    }
    if (ids.has(s.id)) throw new TypeError(`citecheck.check: sources[${i}].id ${JSON.stringify(s.id)} is used by another source`);
    ids.add(s.id);
    const input: SourceInput = { id: s.id, text: s.text };
    if (s.title !== undefined) input.title = s.title;
    return input;
  });
  const corpus = await openCorpus(inputs, Math.min(jobs ?? 1, Math.max(1, inputs.length)));
  try {
    return await corpus.check(draft, language !== undefined ? { language } : {});
  } finally {
    await corpus.close();
  }
}
