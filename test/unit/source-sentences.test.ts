import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indexSource } from '../../server/src/core/corpus/corpus';
import { sentenceCount, sentenceIndexAt, sentenceSpan, sentenceText } from '../../server/src/core/corpus/source-sentences';
import { sentenceAt, splitSentences } from '../../server/src/core/text/sentences';

test('source sentences (property): the offsets a source keeps give back the sentences, their text and the sentence at an offset', () => {
  const piece = fc.constantFrom('Kirby said 3,000 troops died. ', 'It rose!\n\n', '“We won,” he said. ', 'No stop here', '\r\n', '  ', 'é 😀 ', '...');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }), fc.nat(), (parts, at) => {
      const text = parts.join('');
      const doc = indexSource({ id: 'x', text });
      const expected = splitSentences(text);
      assert.equal(sentenceCount(doc), expected.length);
      expected.forEach((s, i) => {
        assert.deepEqual(sentenceSpan(doc, i), [s.start, s.end]);
        assert.equal(sentenceText(doc, i), s.text);
      });
      assert.equal(sentenceSpan(doc, expected.length), null);
      assert.equal(sentenceText(doc, -1), null);
      const offset = text.length === 0 ? 0 : at % (text.length + 1);
      assert.equal(sentenceIndexAt(doc, offset), sentenceAt(expected, offset));
      // The objects, for callers outside the engine, are built on first read.
      assert.deepEqual(doc.sentences, expected);
    }),
  );
});
