// scanWords finds by code the words the engine's word regexes find; where it cannot (an astral character), it
// says so, and its callers redo the stretch with the regex. Checked on any UTF-16 text and on any window of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanWords, wordsByRegex } from '../../server/src/core/text/words';
import { wordHash } from '../../server/src/core/text/word-table';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const newsy = fc.constantFrom('a', 'Z', 'é', 'e\u0301', '\u0301', 'ß', 'İ', 'Ж', '中', "'", '’', '-', ' ', '.', ',', '3', '\u00a0', '\u200b', 'ǅ', 'ʼ');
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 50 }),
  fc.string({ unit: newsy, maxLength: 50 }),
  fc.string({ unit: fc.oneof(newsy, fc.constantFrom('\ud83d\ude00', '\ud835\udc00', '\ud800')), maxLength: 30 }),
);

/** What a sticky scan with `re` finds starting in [from, to): each word and its offset. */
function byRegex(re: RegExp, text: string, from: number, to: number): [string, number][] {
  const out: [string, number][] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) out.push([m[0], m.index]);
  return out;
}

/** A window [from, to) of the text from two random numbers. A regex asked to start inside a surrogate pair starts at
 * the pair: no caller starts a scan there, so such windows are not drawn. */
function windowOf(text: string, x: number, y: number): { from: number; to: number } {
  const from = text.length === 0 ? 0 : x % (text.length + 1);
  const to = from + (text.length === 0 ? 0 : y % (text.length - from + 1));
  fc.pre(!/[\ud800-\udbff]/.test(text.charAt(from - 1)) || !/[\udc00-\udfff]/.test(text.charAt(from)));
  return { from, to };
}

const WITH_MARKS = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const WITHOUT_MARKS = /[\p{L}][\p{L}'’-]*/gu;

for (const [marksJoin, re] of [[true, WITH_MARKS], [false, WITHOUT_MARKS]] as const) {
  test(`scanWords (marksJoin ${marksJoin}) finds what the regex finds, or gives up at an astral character`, () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        const { from, to } = windowOf(text, x, y);
        const found: [string, number][] = [];
        const done = scanWords(text, from, to, marksJoin, (at, end, hash) => {
          // The hash worked out during the scan is the word's own (a WordTable finds the word by it).
          assert.equal(hash, wordHash(text, at, end));
          found.push([text.slice(at, end), at]);
        });
        const hasSurrogate = /[\ud800-\udfff]/.test(text.slice(from));
        if (!done) assert.ok(hasSurrogate, 'gave up without a surrogate');
        else assert.deepEqual(found, byRegex(re, text, from, to));
      }),
      { numRuns: 3000 },
    );
  });
}

test('scanWords reads letters with marks and joiners as one word', () => {
  const found: string[] = [];
  const text = "Kim Jong-un's re\u0301gime, naïve";
  assert.equal(scanWords(text, 0, 30, true, (at, end) => found.push(text.slice(at, end))), true);
  assert.deepEqual(found, ['Kim', "Jong-un's", 're\u0301gime', 'naïve']);
});

// The regex fallbacks (wordsByRegex) run over text.slice(from, wordRunEnd(text, to)) instead of reading on from `from` to the next
// word however far it is (a text without letters made that quadratic): the words starting before `to` must be the same.
for (const [marksJoin, re] of [[true, WITH_MARKS], [false, WITHOUT_MARKS]] as const) {
  test(`wordsByRegex (marksJoin ${marksJoin}), over the window up to wordRunEnd, finds the words the whole text gives`, () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        const { from, to } = windowOf(text, x, y);
        const inWindow: [string, number][] = [];
        wordsByRegex(re, text, from, to, (w, at) => inWindow.push([w, at]));
        assert.deepEqual(inWindow, byRegex(re, text, from, to));
      }),
      { numRuns: 3000 },
    );
  });
}
