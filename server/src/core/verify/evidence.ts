// Builds the Evidence a verdict carries: the source sentence and where the source's wording stands.
import type { Evidence, SourceDoc } from '../types';
import { positionAt } from '../text/lines';

/** `wording` is the text at [wordingStart, wordingEnd) when the caller has it already (a mention's own text): a
 * verdict then shares that string instead of holding a copy of it. */
export function evidenceAt(doc: SourceDoc, sentence: number, wordingStart: number, wordingEnd: number, wording = doc.text.slice(wordingStart, wordingEnd)): Evidence {
  const s = doc.sentences[sentence];
  const pos = positionAt(doc.lineStarts, wordingStart);
  return {
    text: s ? s.text : wording,
    line: pos.line + 1,
    column: pos.character + 1,
    wording,
    start: wordingStart,
    end: wordingEnd,
  };
}
