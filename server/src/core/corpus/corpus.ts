// The source index: every source's sentences and mentions, looked up by term.
import type { SourceDoc, SourceInput } from '../types';
import { splitSentences } from '../text/sentences';
import { lineStarts } from '../text/lines';

export interface Corpus {
  sources: SourceDoc[];
}

export function indexSource(input: SourceInput): SourceDoc {
  const sentences = splitSentences(input.text);
  return {
    id: input.id,
    title: input.title ?? null,
    path: input.path ?? null,
    text: input.text,
    sentences,
    figures: [],
    dates: [],
    quotes: [],
    lineStarts: lineStarts(input.text),
  };
}

export function buildCorpus(inputs: readonly SourceInput[]): Corpus {
  return { sources: inputs.map(indexSource) };
}
