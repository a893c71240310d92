// checkDraft: the one entry point every front end (CLI, language server, Node API) calls.
// Extracts the draft's claims, picks the sources worth a close look from the index, and gives every
// (claim, source) pair exactly one verdict.
import type { CheckOptions, Claim, ClaimStatus, DateMention, FigureMention, Mention, QuoteMention, SourceDoc, SourceVerdict } from './types';
import type { Corpus } from './corpus/corpus';
import { dateLookupKeys } from './corpus/keys';
import { sourceCount } from './corpus/corpus';
import { CandidateLookup, sentenceWithout } from './candidates';
import { extractClaims, originalOf } from './extract/claims';
import { ParagraphMemo } from './extract/paragraph-memo';
import { SweptMemo } from './sweep-memo';
import { lazyProperty } from './lazy-property';
import { lineStarts, positionAt } from './text/lines';
import { describeQuantity, verifyFigure } from './verify/figures';
import { verifyQuote } from './verify/quotes';
import { dateDraftKey, verifyDate } from './verify/dates';
import { endCheck, forgetPreparations } from './verify/preparations';
import { forgetEvidence } from './verify/evidence';
import { FoundVerdicts, tagOf } from './found-verdicts';

export { buildCorpus, addSource, removeSource, createCorpus } from './corpus/corpus';
export type { BuildOptions, Corpus } from './corpus/corpus';
export { extractClaims } from './extract/claims';
export { MAX_MENTIONS } from './extract/mention-limit';
export type { DraftClaims } from './extract/claims';
export { FoundVerdicts } from './found-verdicts';
export type { FoundKind } from './found-verdicts';

/** Why a source that says nothing about the claim lacks it. */
function lacksReason(m: Mention): string {
  return m.kind === 'figure' ? `source gives no figure for ${describeQuantity(m as FigureMention)}` : m.kind === 'date' ? 'source does not date this event' : 'source has no such quotation';
}

function defaultLacks(reason: string, source: string): SourceVerdict {
  return { source, verdict: 'lacks', reason };
}

/** A verdict that says no more than a source never looked at would: not kept (the full list makes it again). */
function plainLacks(v: SourceVerdict, reason: string): boolean {
  return v.verdict === 'lacks' && v.evidence === undefined && v.hint === undefined && v.reason === reason;
}

/** Above this many sources, a date or quotation that no source sentence matches gets no hint: finding the closest
 * sentence or quotation costs more than thousands of hints are worth. */
const HINT_LIMIT = 200;

function verify(m: Mention, draftSentence: string, doc: Corpus['sources'][number], sources: number): SourceVerdict {
  if (m.kind === 'figure') return verifyFigure(m, doc);
  if (m.kind === 'date') return verifyDate(m as DateMention, draftSentence, doc, { hints: sources <= HINT_LIMIT });
  return verifyQuote(m as QuoteMention, doc, { hints: sources <= HINT_LIMIT });
}

/** Status and summary from how many of `n` sources support and contradict. */
function summarize(s: number, c: number, n: number): { status: ClaimStatus; summary: string; sourcesDisagree: boolean } {
  const of = (k: number, verb: string, plural: string): string => `${k} of ${n} source${n === 1 ? '' : 's'} ${k === 1 ? verb : plural}`;
  if (c > 0) {
    const also = s > 0 ? `, ${s} support${s === 1 ? 's' : ''}` : '';
    return { status: 'contradicted', summary: `${of(c, 'contradicts', 'contradict')}${also}`, sourcesDisagree: s > 0 };
  }
  if (s > 0) return { status: 'supported', summary: of(s, 'supports', 'support'), sourcesDisagree: false };
  return { status: 'unsupported', summary: n === 0 ? 'no sources to check against' : `none of ${n} source${n === 1 ? '' : 's'} settles it`, sourcesDisagree: false };
}

/** Offsets say where a mention is, not what it says: they are left out of its cache key. */
const OFFSET_FIELDS = new Set(['start', 'end', 'sentence', 'valueStart', 'innerStart', 'innerEnd']);

const cacheKeys = new WeakMap<Mention, string>();

/** Everything a verifier reads of a mention (its fields without offsets, and the draft sentence), as one string;
 * made once per mention a paragraph memo keeps. */
function cacheKey(m: Mention, draftSentence: string): string {
  const original = originalOf(m);
  let key = cacheKeys.get(original);
  if (key === undefined) {
    key = JSON.stringify(m, (k, v) => (OFFSET_FIELDS.has(k) ? undefined : v));
    // A date's verdicts read its sentence (its candidates by the sentence's terms, its verifier by the words around
    // the date): only what they read of it goes into the key.
    if (m.kind === 'date') key += `\u0000${dateLookupKeys(sentenceWithout(draftSentence, m)).join(' ')}\u0000${dateDraftKey(m as DateMention, draftSentence)}`;
    cacheKeys.set(original, key);
  }
  return key;
}

/**
 * Verdicts of claims already checked against one version of one corpus, so an editor that re-checks a draft after
 * each keystroke verifies only the claims the edit touched. Cleared when the corpus changes. Use one cache per
 * draft: each check keeps only the claims it asked for.
 */
export class ClaimCache {
  private corpus: Corpus | null = null;
  private version = -1;
  /** The position of the draft's own file among the sources (-1: none): its verdicts depend on it. */
  private own = -1;
  private entries = new SweptMemo<Verified>();
  /** The draft's paragraphs as last read: only the paragraphs an edit touched are read again. */
  readonly paragraphs = new ParagraphMemo();

  /** The verdicts for each key. Only the keys this corpus version has not seen are verified, each once: `verify` gets
   * the index of each one's first occurrence and returns their verdicts in that order. */
  getAll(corpus: Corpus, own: number, keys: readonly string[], verify: (missing: number[]) => Verified[]): Verified[] {
    if (corpus !== this.corpus || corpus.version !== this.version || own !== this.own) {
      this.corpus = corpus;
      this.version = corpus.version;
      this.own = own;
      this.entries.clear();
    }
    const found = keys.map((k) => this.entries.find(k));
    const missing: number[] = [];
    const asked = new Set<string>();
    keys.forEach((k, i) => {
      if (found[i] === undefined && !asked.has(k)) {
        asked.add(k);
        missing.push(i);
      }
    });
    if (missing.length > 0) verify(missing).forEach((v, n) => this.entries.set(keys[missing[n] as number] as string, v));
    return keys.map((k, i) => found[i] ?? (this.entries.find(k) as Verified));
  }

  /** Forgets every verdict and the corpus they were checked against (keeps the draft's paragraphs). */
  release(): void {
    this.corpus = null;
    this.version = -1;
    this.entries.clear();
  }

  /** Forgets the claims no check has asked for since the last sweep (text the writer has since deleted). */
  sweep(): void {
    this.entries.sweep();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface CheckDraftOptions extends CheckOptions {
  /** Reuse verdicts across checks of the same draft (an editor's keystrokes); see ClaimCache. */
  cache?: ClaimCache;
  /** Keep what verifying worked out of each source for the next check against the same corpus (several drafts in a
   * row): faster from the second draft on, at the cost of memory. Without a cache it is dropped source by source;
   * with one it is always kept. */
  keepPreparations?: boolean;
  /** Called as the sources are verified (every 100 sources and at the end), for a progress display. An editor's
   * cached check verifies only the claims it has not seen; it reports on those. */
  onProgress?: (done: number, total: number) => void;
  /** The id of the source that is the draft's own file (a draft kept among the sources, or every article of a
   * folder checked against the others): it is not checked against itself. Its verdict is a lacks that says so,
   * and the summary counts the other sources. */
  ownSource?: string;
  /** Called when the draft gives more claims than one text may (extract/mention-limit.ts), with the offset where
   * reading stopped: only the claims before it are checked. */
  onCutoff?: (readTo: number) => void;
}

/** A claim's verdicts from the sources looked at closely (in source order), with what they add up to. */
interface Verified {
  found: FoundVerdicts;
  status: ClaimStatus;
  summary: string;
  sourcesDisagree: boolean;
  /** The sources of the check, in order, and what each source not found lacks: the full list is made from them. */
  order: readonly { readonly id: string }[];
  lacks: string;
  /** The position of the draft's own file among them, or -1. */
  own: number;
}

/** The verdict of the draft's own file, when it is one of the sources: never checked against itself. */
function ownLacks(source: string): SourceVerdict {
  return { source, verdict: 'lacks', reason: 'this source is the draft itself: not checked against itself' };
}

/** How a check keeps the verdicts it found: 'objects' keeps each verdict (a one-shot check prints them all);
 * 'remake' keeps only its source and a tag, and verifies the pair again when the verdict is read (an editor keeps
 * the verdicts of every claim for as long as the draft is open, and reads a few of them). */
type Keeping = 'objects' | 'remake';

/** Takes each found verdict as it is made, instead of the check keeping it: the claim's number, the source's
 * position, the verdict. A worker thread encodes them for the trip back as they come (server/src/parallel/wire.ts),
 * so that they are not all kept until the end. */
export type VerdictSink = (claim: number, at: number, v: SourceVerdict) => void;

/** A claim's found verdicts against one list of sources: their positions in it (ascending), their tags, and the
 * verdicts themselves ('objects' keeping; none when they are made again on demand). A part from a worker thread
 * (server/src/parallel/wire.ts) has no list but `make`, which makes the j-th verdict when it is first read. */
export interface FoundPart {
  at: Int32Array;
  tags: Uint8Array;
  verdicts: SourceVerdict[];
  make?: (j: number) => SourceVerdict;
}

/** The verdicts of each mention against every source, verified source by source: each source's preparations are
 * made once for all the claims that need it and, unless kept, dropped right after (see verify/preparations.ts).
 * `total`: how many sources the whole corpus has (more than this one's when it is a shard). */
function verifySourceBySource(
  mentions: readonly { m: Mention; draftSentence: string }[],
  snapshot: SourceSnapshot,
  keep: boolean,
  keeping: Keeping | VerdictSink,
  own: number,
  total: number,
  onProgress?: (done: number, total: number) => void,
): FoundPart[] {
  const { order } = snapshot;
  // Which mentions each source is a candidate for: counted, then filled into one flat array, source by source.
  const candidates = mentions.map(({ m, draftSentence }) => snapshot.candidates.of(m, draftSentence));
  const first = new Int32Array(order.length + 1);
  for (const at of candidates) for (const i of at) first[i + 1] = (first[i + 1] as number) + 1;
  for (let i = 0; i < order.length; i++) first[i + 1] = (first[i + 1] as number) + (first[i] as number);
  const next = first.slice(0, order.length);
  const who = new Int32Array(first[order.length] as number);
  candidates.forEach((at, k) => {
    for (const i of at) who[(next[i] as number)++] = k;
  });
  const plain = mentions.map(({ m }) => lacksReason(m));
  // Each mention's found verdicts, at most one per candidate: their source positions and tags, and how many.
  const positions = candidates.map((at) => new Int32Array(at.length));
  const tags = candidates.map((at) => new Uint8Array(at.length));
  const counts = new Int32Array(mentions.length);
  const lists: SourceVerdict[][] = mentions.map(() => []);
  for (let i = 0; i < order.length; i++) {
    if (onProgress && i % 100 === 0) onProgress(i, order.length);
    const from = first[i] as number;
    const to = first[i + 1] as number;
    if (from === to || i === own) continue;
    const doc = order[i] as SourceDoc;
    for (let j = from; j < to; j++) {
      const k = who[j] as number;
      const { m, draftSentence } = mentions[k] as (typeof mentions)[number];
      const v = verify(m, draftSentence, doc, total);
      if (plainLacks(v, plain[k] as string)) continue;
      const n = counts[k] as number;
      (positions[k] as Int32Array)[n] = i;
      (tags[k] as Uint8Array)[n] = tagOf(v);
      counts[k] = n + 1;
      // Thousands of sources give the same reason ("source says approximately 11,000 soldiers"), each its own
      // string. Interning them (one string each) cost 8% of a first check at 10,000 sources, hashing 437,000
      // freshly joined strings, to save about 11 MB: they are kept as they are.
      if (keeping === 'objects') (lists[k] as SourceVerdict[]).push(v);
      else if (keeping !== 'remake') keeping(k, i, v);
    }
    if (!keep) forgetPreparations(doc);
    // Verdicts made again on demand make their evidence again too: none is kept for them meanwhile.
    else if (keeping === 'remake') forgetEvidence(doc);
  }
  endCheck();
  onProgress?.(order.length, order.length);
  return mentions.map((_, k) => {
    const n = counts[k] as number;
    return { at: (positions[k] as Int32Array).slice(0, n), tags: (tags[k] as Uint8Array).slice(0, n), verdicts: lists[k] as SourceVerdict[] };
  });
}

/** What a claim's found verdicts add up to, over `ids` (every source of the check, in order). `make` gives the j-th
 * verdict instead of `found.verdicts`: made again at each read ('remake'), unless `kept` says it hands out the same
 * object each time. */
function verifiedOf(found: FoundPart, ids: readonly { readonly id: string }[], lacks: string, own: number, make?: (j: number) => SourceVerdict, kept = make === undefined): Verified {
  const list = found.verdicts;
  const foundVerdicts = new FoundVerdicts(ids.length, found.at, found.tags, make ?? ((j: number): SourceVerdict => list[j] as SourceVerdict), kept);
  const others = own >= 0 ? ids.length - 1 : ids.length;
  const { status, summary, sourcesDisagree } = summarize(foundVerdicts.count('supports'), foundVerdicts.count('contradicts'), others);
  return { found: foundVerdicts, status, summary, sourcesDisagree, order: ids, lacks, own };
}

/** verifySourceBySource, each claim's verdicts added up (`keeping` 'remake': made again from `order` when read). */
function verifyAll(mentions: readonly { m: Mention; draftSentence: string }[], snapshot: SourceSnapshot, keep: boolean, keeping: Keeping, own: number, onProgress?: (done: number, total: number) => void): Verified[] {
  const { order } = snapshot;
  const total = order.length;
  return verifySourceBySource(mentions, snapshot, keep, keeping, own, total, onProgress).map((found, k) => {
    const { m, draftSentence } = mentions[k] as (typeof mentions)[number];
    const at = found.at;
    const make = keeping === 'objects' ? undefined : (j: number): SourceVerdict => verify(m, draftSentence, order[at[j] as number] as SourceDoc, total);
    return verifiedOf(found, order, lacksReason(m), own, make);
  });
}

/** The corpus's sources in their order at one version, and the lookup of candidates by position in it: one for every
 * check until the corpus changes (an editor's kept verdicts refer to sources by their position in it). Later
 * changes to the corpus do not move it. */
interface SourceSnapshot {
  version: number;
  order: readonly SourceDoc[];
  candidates: CandidateLookup;
}

const snapshots = new WeakMap<Corpus, SourceSnapshot>();

function snapshotOf(corpus: Corpus): SourceSnapshot {
  let s = snapshots.get(corpus);
  if (s === undefined || s.version !== corpus.version) {
    const order = corpus.sources.slice();
    snapshots.set(corpus, (s = { version: corpus.version, order, candidates: new CandidateLookup(corpus, order) }));
  }
  return s;
}

/** A draft's claims as a check verifies them: each mention with the draft sentence its verdicts read. */
export interface DraftCheck {
  text: string;
  mentions: { m: Mention; draftSentence: string }[];
}

/** Reads a draft's claims for a check (calling options.onCutoff when there are more than one text may give). */
export function readDraft(text: string, options: CheckDraftOptions = {}): DraftCheck {
  const draft = extractClaims(text, options, options.cache?.paragraphs);
  if (draft.readTo !== undefined) options.onCutoff?.(draft.readTo);
  // Only a date's verdicts read the draft sentence around it (a figure's own clause is in its mention).
  const mentions = draft.mentions.map((m) => {
    const sentence = m.kind === 'date' ? draft.sentences[m.sentence] : undefined;
    return { m, draftSentence: sentence ? text.slice(sentence.start, sentence.end) : '' };
  });
  return { text, mentions };
}

export function checkDraft(text: string, corpus: Corpus, options: CheckDraftOptions = {}): Claim[] {
  const draft = readDraft(text, options);
  const { mentions } = draft;
  // One snapshot of the source order for every claim of this check.
  const snapshot = snapshotOf(corpus);
  const own = ownPosition(corpus, snapshot, options.ownSource);
  // Only the candidate sources are verified; every other source lacks the claim. An editor's cache verifies only
  // the claims it has not seen, and keeps the sources' preparations for the next keystroke.
  let verifiedAll: Verified[];
  const cache = options.cache;
  if (cache) {
    const keys = mentions.map(({ m, draftSentence }) => cacheKey(m, draftSentence));
    verifiedAll = cache.getAll(corpus, own, keys, (missing) =>
      verifyAll(missing.map((i) => mentions[i] as (typeof mentions)[number]), snapshot, true, 'remake', own, options.onProgress),
    );
    cache.sweep();
  } else verifiedAll = verifyAll(mentions, snapshot, options.keepPreparations === true, 'objects', own, options.onProgress);
  return claimsOf(draft, verifiedAll);
}

function ownPosition(corpus: Corpus, snapshot: SourceSnapshot, ownSource: string | undefined): number {
  const ownDoc = ownSource === undefined ? undefined : corpus.byId.get(ownSource);
  return ownDoc === undefined ? -1 : snapshot.order.indexOf(ownDoc);
}

/** One shard's part of a check (see server/src/parallel/): plain data, which a worker thread sends back in the compact
 * form of parallel/wire.ts. */
export interface ShardPart {
  /** How many sources the shard has, and the position of the draft's own file among them (-1: none). */
  sources: number;
  own: number;
  /** Each claim's found verdicts in this shard, in the draft's order. */
  found: FoundPart[];
}

/** Checks a draft against one shard of a corpus (one whose `whole` counts are set, see corpus.ts): the found verdicts
 * the whole corpus would give for this shard's sources. mergeShards puts the parts together. With `onVerdict`, each
 * found verdict goes to it as it is made, and the part's verdict lists stay empty. */
export function checkShard(
  draft: DraftCheck,
  corpus: Corpus,
  options: Pick<CheckDraftOptions, 'keepPreparations' | 'ownSource' | 'onProgress'> & { onVerdict?: VerdictSink } = {},
): ShardPart {
  const snapshot = snapshotOf(corpus);
  const own = ownPosition(corpus, snapshot, options.ownSource);
  const keeping = options.onVerdict ?? 'objects';
  const found = verifySourceBySource(draft.mentions, snapshot, options.keepPreparations === true, keeping, own, sourceCount(corpus), options.onProgress);
  return { sources: snapshot.order.length, own, found };
}

/** The claims of a draft checked shard by shard: `parts` in the order of the shards, `ids` every source's id in the
 * same order (shard after shard). The same claims checkDraft gives over the whole corpus. */
export function mergeShards(draft: DraftCheck, parts: readonly ShardPart[], ids: readonly string[]): Claim[] {
  const order = ids.map((id) => ({ id }));
  let own = -1;
  let offset = 0;
  for (const p of parts) {
    if (p.own >= 0) own = offset + p.own;
    offset += p.sources;
  }
  if (offset !== ids.length) throw new Error(`mergeShards: the parts have ${offset} sources, the ids ${ids.length}`);
  const verifiedAll = draft.mentions.map(({ m }, k) => {
    let n = 0;
    for (const p of parts) n += (p.found[k] as FoundPart).at.length;
    const at = new Int32Array(n);
    const tags = new Uint8Array(n);
    // Where each part's verdicts start among the claim's, and the parts themselves.
    const starts: number[] = [];
    const pieces: FoundPart[] = [];
    let from = 0;
    let base = 0;
    for (const p of parts) {
      const f = p.found[k] as FoundPart;
      for (let j = 0; j < f.at.length; j++) at[from + j] = base + (f.at[j] as number);
      tags.set(f.tags, from);
      starts.push(from);
      pieces.push(f);
      from += f.at.length;
      base += p.sources;
    }
    // Each verdict is made on its first read and kept (FoundVerdicts' `kept`): a report that prints a few verdicts a
    // claim makes only those of the parts that came from other threads.
    const made: (SourceVerdict | undefined)[] = new Array<SourceVerdict | undefined>(n);
    const make = (j: number): SourceVerdict => {
      let v = made[j];
      if (v === undefined) {
        let i = starts.length - 1;
        while ((starts[i] as number) > j) i--;
        const f = pieces[i] as FoundPart;
        const local = j - (starts[i] as number);
        v = f.make !== undefined ? f.make(local) : (f.verdicts[local] as SourceVerdict);
        made[j] = v;
      }
      return v;
    };
    return verifiedOf({ at, tags, verdicts: [] }, order, lacksReason(m), own, make, true);
  });
  return claimsOf(draft, verifiedAll);
}

function claimsOf({ text, mentions }: DraftCheck, verifiedAll: readonly Verified[]): Claim[] {
  const starts = lineStarts(text);
  const claims: Claim[] = [];
  mentions.forEach(({ m }, k) => {
    const v = verifiedAll[k] as Verified;
    const claim = {
      kind: m.kind,
      text: m.text,
      start: m.start,
      end: m.end,
      range: { start: positionAt(starts, m.start), end: positionAt(starts, m.end) },
      speaker: m.kind === 'quote' ? m.speaker : null,
      status: v.status,
      sourcesDisagree: v.sourcesDisagree,
      summary: v.summary,
    } as Claim;
    defineVerdicts(claim);
    verified.set(claim, v);
    claims.push(claim);
  });
  return claims;
}

const verified = new WeakMap<Claim, Verified>();

/**
 * The verdicts of the sources a check looked at closely (every supports and contradicts, and the lacks that
 * carry a reason or a hint of their own), in source order, and how many sources there were: what an editor
 * needs, without building the full per-source list. Null for a claim that checkDraft did not make.
 */
export function verifiedVerdicts(claim: Claim): FoundVerdicts | null {
  return verified.get(claim)?.found ?? null;
}

/**
 * `verdicts` holds one verdict per source, in source order. With thousands of sources most are a plain "lacks",
 * so the array is built on first read (JSON output reads it; a summary or an editor hover need not) and kept.
 */
const defineVerdicts = lazyProperty<Claim>('verdicts', true, (claim): SourceVerdict[] => listOf(verified.get(claim) as Verified));

function listOf({ found, order, lacks, own }: Verified): SourceVerdict[] {
  // Both in source order: walk them together.
  let j = 0;
  return order.map((doc, i) => (j < found.length && found.positionOf(j) === i ? found.at(j++) : i === own ? ownLacks(doc.id) : defaultLacks(lacks, doc.id)));
}

/**
 * A claim's full per-source list, made afresh and not kept on the claim (unless it already holds one): for a caller
 * that reads each claim's list once, such as a JSON report, which at 10,000 sources would otherwise keep 2.8 million
 * verdicts alive until it is written.
 */
export function freshVerdicts(claim: Claim): SourceVerdict[] {
  const v = verified.get(claim);
  const list = Object.getOwnPropertyDescriptor(claim, 'verdicts');
  return v === undefined || list === undefined || list.get === undefined ? claim.verdicts : listOf(v);
}
