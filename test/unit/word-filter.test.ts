import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayHaveAll, wordFilter, wordProbes } from '../../server/src/core/corpus/word-filter';
import { fold } from '../../server/src/core/text/fold';

test('word filter: every run of words of a text passes, whatever the case, quotes and dashes', () => {
  const text = 'Kirby said the so-called “Human Wave” tactics cost 3,000 lives; DON’T forget Kelvin’s 5 K.';
  const f = wordFilter(text);
  for (const phrase of ['human wave', 'so-called', 'don\u2019t forget', '3,000 lives', 'kirby said the', 'k']) {
    assert.ok(mayHaveAll(f, wordProbes(fold(phrase))), phrase);
  }
});

test('word filter: words the text lacks are ruled out', () => {
  const f = wordFilter('Kirby said the so-called human wave tactics cost 3,000 lives.');
  let ruledOut = 0;
  const absent = ['zelenskyy', 'rescue', 'capture', 'soldiers', 'kursk', 'december', 'pentagon', 'missiles', '4,000', 'waves'];
  for (const w of absent) if (!mayHaveAll(f, wordProbes(w))) ruledOut++;
  // A Bloom filter may let an absent word through now and then; with 12 words in 8,192 bits it should not here.
  assert.equal(ruledOut, absent.length);
});

test('word filter (property): any stretch of whole words of any text passes its filter', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9\u00e9\u00c9\u212a']{1,8}$/);
  const sep = fc.constantFrom(' ', ', ', '-', '\u2014', '\n', ' \u201c', '\u201d ');
  fc.assert(
    fc.property(fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.map(([w, s]) => w + s).join('');
      const i = a % parts.length;
      const j = i + (b % (parts.length - i));
      const phrase = parts
        .slice(i, j + 1)
        .map(([w, s], k) => (k === j - i ? w : w + s))
        .join('');
      return mayHaveAll(wordFilter(text), wordProbes(fold(phrase)));
    }),
  );
});

test('word filter: a letter that lower-cases to two characters continues the word as fold() does', () => {
  // "İ" lower-cases to "i" + a combining dot: fold("Aİb") is "ai̇b", whose runs are "ai" and "b".
  const f = wordFilter('Aİb');
  assert.ok(mayHaveAll(f, wordProbes(fold('ai'))));
  assert.ok(mayHaveAll(f, wordProbes(fold('b'))));
});
