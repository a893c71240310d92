// Builds the Evidence a verdict carries: the source sentence and where the source's wording stands.
import type { DateMention, Evidence, FigureMention, SourceDoc } from '../types';
import { positionAt } from '../text/lines';
import { sentenceText } from '../corpus/source-sentences';
import { figureObjects } from '../corpus/figure-table';

/** `wording` is the text at [wordingStart, wordingEnd) when the caller has it already (a mention's own text): a
 * verdict then shares that string instead of holding a copy of it. */
export function evidenceAt(doc: SourceDoc, sentence: number, wordingStart: number, wordingEnd: number, wording = doc.text.slice(wordingStart, wordingEnd)): Evidence {
  const s = sentenceText(doc, sentence);
  const pos = positionAt(doc.lineStarts, wordingStart);
  return {
    text: s ?? wording,
    line: pos.line + 1,
    column: pos.character + 1,
    wording,
    start: wordingStart,
    end: wordingEnd,
  };
}

const byMention = new WeakMap<FigureMention | DateMention, Evidence>();

/** The evidence of a source figure or date at its own span, its wording the mention's text. A source figure is the
 * evidence of several claims (81,000 verdicts cite 28,000 spans at 2,000 sources): they share one object, frozen. */
export function mentionEvidence(doc: SourceDoc, m: FigureMention | DateMention): Evidence {
  let ev = byMention.get(m);
  if (ev === undefined) byMention.set(m, (ev = Object.freeze(evidenceAt(doc, m.sentence, m.start, m.end, m.text))));
  return ev;
}

const reasons = new WeakMap<FigureMention | DateMention, (string | undefined)[]>();

/** The reason of a verdict that cites a source figure or date in words that depend on it alone (`say(m, variant)`,
 * "source says approximately 11,000 soldiers"): one string for every claim verified against it, kept with its
 * evidence. Made afresh for each verdict, 290,000 of them at 10,000 sources were each a string of its own: memory,
 * and a thread that sends them on (server/src/parallel/wire.ts) hashed each one to send it once. */
export function mentionReason<M extends FigureMention | DateMention>(m: M, variant: number, say: (m: M, variant: number) => string): string {
  let list = reasons.get(m);
  if (list === undefined) reasons.set(m, (list = []));
  let r = list[variant];
  if (r === undefined) list[variant] = r = say(m, variant);
  return r;
}

/** Drops the evidence and reasons kept for a source's figures and dates (see verify/preparations.ts). */
export function forgetEvidence(doc: SourceDoc): void {
  for (const f of figureObjects(doc)) {
    byMention.delete(f);
    reasons.delete(f);
  }
  for (const d of doc.dates) {
    byMention.delete(d);
    reasons.delete(d);
  }
}
