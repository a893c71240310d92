// A WordTable gives each word the value its function gives that word, whether the word is found in place (by its
// span and hash) or given as a string; words whose hashes collide, a table that grows and one that is emptied at
// its limit all still answer right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordTable, wordHash } from '../../server/src/core/text/word-table';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'é', 'Ж', "'", '-'), minLength: 1, maxLength: 6 });

function spans(words: readonly string[]): { text: string; at: [number, number][] } {
  const at: [number, number][] = [];
  let text = '';
  for (const w of words) {
    at.push([text.length + 1, text.length + 1 + w.length]);
    text += ` ${w}`;
  }
  return { text, at };
}

test('a word found in place gets the value of the word itself, however often it was seen', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (words, limit) => {
      let calls = 0;
      const table = new WordTable((w: string) => (calls++, `${w.length}:${w.toUpperCase()}`), limit);
      const { text, at } = spans(words);
      at.forEach(([s, e], k) => {
        assert.equal(table.at(text, s, e, wordHash(text, s, e)), `${(words[k] as string).length}:${(words[k] as string).toUpperCase()}`);
      });
      for (const w of words) assert.equal(table.of(w), `${w.length}:${w.toUpperCase()}`);
      // Each distinct word is worked out once until the table is emptied at its limit.
      if (new Set(words).size < limit) assert.equal(calls, new Set(words).size);
    }),
    { numRuns: 500 },
  );
});

test('words whose hashes collide are told apart by their characters', () => {
  const table = new WordTable((w: string) => w.length * 10 + w.charCodeAt(0));
  const text = 'ab ba abc b a';
  // Every word handed in with the same hash: only the comparison of characters can tell them apart.
  const look = (s: number, e: number): number => table.at(text, s, e, 7);
  for (let round = 0; round < 2; round++) {
    assert.equal(look(0, 2), 20 + 97);
    assert.equal(look(3, 5), 20 + 98);
    assert.equal(look(6, 9), 30 + 97);
    assert.equal(look(10, 11), 10 + 98);
    assert.equal(look(12, 13), 10 + 97);
  }
});

test('a table grows past its first size and keeps every word', () => {
  const table = new WordTable((w: string) => Number(w.slice(1)));
  const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
  for (const w of words) assert.equal(table.of(w), Number(w.slice(1)));
  for (const w of words) assert.equal(table.of(w), Number(w.slice(1)));
});
