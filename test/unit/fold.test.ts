import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, foldedPattern } from '../../server/src/core/text/fold';

test('foldedPattern: finds a folded needle in unfolded text, across case, quote marks, dashes and spacing', () => {
  const text = 'Kirby called it a so\u2013called \u201cHuman   Wave\u201d attack: \u2018we DON\u2019T know\u2019.';
  for (const needle of ['human wave', 'so-called "human wave"', "we don't know", 'kirby', '"human wave" attack: \'we']) {
    assert.ok(foldedPattern(needle).test(text), needle);
  }
  for (const needle of ['human waves', 'so called', 'we do not know', '(human wave)']) assert.ok(!foldedPattern(needle).test(text), needle);
});

test('foldedPattern (property): matches exactly where fold(text) contains the needle', () => {
  // The letters fold() lower-cases to two characters, or that only Unicode case folding makes ASCII, are left out.
  const chunk = fc.constantFrom('a', 'B', 'c', 'Wave', 'wave', '3,000', ' ', '  ', '\n', '\u00a0', "'", '\u2019', '\u2018', '"', '\u201c', '\u201d', '-', '\u2013', '\u2014', '.', '(', ')', '[', '*', '?', '\u00e9', '\u00c9', '$');
  const text = fc.array(chunk, { maxLength: 30 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, text, fc.nat(), fc.nat(), (t, other, a, b) => {
      const folded = fold(t);
      // Half the needles are taken from the text itself, half from another text.
      const source = a % 2 === 0 ? folded : fold(other);
      const i = a % (source.length + 1);
      const needle = source.slice(i, i + 1 + (b % 12));
      if (needle === '' || /^\s|\s$/.test(needle)) return true;
      return foldedPattern(needle).test(t) === folded.includes(needle);
    }),
    { numRuns: 2000 },
  );
});
