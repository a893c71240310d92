// Builds the Evidence a verdict carries: the source sentence and where the source's wording stands.
import type { Evidence, SourceDoc } from '../types';
import { positionAt } from '../text/lines';

export function evidenceAt(doc: SourceDoc, sentence: number, wordingStart: number, wordingEnd: number): Evidence {
  const s = doc.sentences[sentence];
  const pos = positionAt(doc.lineStarts, wordingStart);
  return {
    text: s ? s.text : doc.text.slice(wordingStart, wordingEnd),
    line: pos.line + 1,
    column: pos.character + 1,
    wording: doc.text.slice(wordingStart, wordingEnd),
    start: wordingStart,
    end: wordingEnd,
  };
}
