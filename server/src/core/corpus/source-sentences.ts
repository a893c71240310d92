// A source's sentences as offsets: [start, end) pairs in one Int32Array, not an object and a string per sentence
// (10,000 sources hold half a million sentences). Their text is sliced from the source's text when read.
import type { Sentence, SourceDoc } from '../types';
import { lazyProperty } from '../lazy-property';

export function sentenceBounds(sentences: readonly Sentence[]): Int32Array {
  const b = new Int32Array(sentences.length * 2);
  sentences.forEach((s, i) => {
    b[2 * i] = s.start;
    b[2 * i + 1] = s.end;
  });
  return b;
}

export function sentenceCount(doc: SourceDoc): number {
  return doc.sentenceBounds.length >> 1;
}

/** The i-th sentence's [start, end), or null when there is none. */
export function sentenceSpan(doc: SourceDoc, i: number): [number, number] | null {
  if (!(i >= 0 && i < sentenceCount(doc))) return null;
  return [doc.sentenceBounds[2 * i] as number, doc.sentenceBounds[2 * i + 1] as number];
}

/** The i-th sentence's text, or null when there is none. */
export function sentenceText(doc: SourceDoc, i: number): string | null {
  const span = sentenceSpan(doc, i);
  return span === null ? null : doc.text.slice(span[0], span[1]);
}

/** Index of the sentence that contains offset, or -1. */
export function sentenceIndexAt(doc: SourceDoc, offset: number): number {
  const b = doc.sentenceBounds;
  let lo = 0;
  let hi = (b.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < (b[2 * mid] as number)) hi = mid - 1;
    else if (offset >= (b[2 * mid + 1] as number)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function sentenceObjects(source: SourceDoc): Sentence[] {
  const value: Sentence[] = [];
  for (let i = 0; i < sentenceCount(source); i++) {
    const [start, end] = sentenceSpan(source, i) as [number, number];
    value.push({ start, end, text: source.text.slice(start, end) });
  }
  return value;
}

const defineSentenceObjects = lazyProperty<SourceDoc>('sentences', false, sentenceObjects);

/** The sentences as objects, for callers outside the engine that want them: built on first read and kept. */
export function defineSentences(doc: Omit<SourceDoc, 'sentences'>): SourceDoc {
  const source = doc as SourceDoc;
  defineSentenceObjects(source);
  return source;
}
