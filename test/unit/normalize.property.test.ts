// Properties of the quote normaliser: it never throws, is idempotent, and ignores quote-mark style,
// case and whitespace; plus a table of what it does to real quotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeQuote, quoteNorms, quoteTokens, tokenRange, tokenSpans } from '../../server/src/core/text/normalize';

// Any UTF-16 code unit, lone surrogates included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', 'a', '.', ' ', '…', '[', ']', '"', '“', '’', '—', '\u200b', 'İ', 'ß', '3', ','), maxLength: 40 }),
);

// Text from words, quote marks, dashes and punctuation, where case changes are reversible.
const MARK_PAIRS: [string, string][] = [
  ['"', '\u201c'], ['"', '\u201d'], ["'", '\u2018'], ["'", '\u2019'],
];
const word = fc.constantFrom('we', 'Also', 'have', 'reports', "haven't", 'Korea’s', '3,000', 'capture', 'ÉTÉ', 'naïve');
const glue = fc.constantFrom(' ', ', ', ' "', '" ', ' \u201c', '\u201d ', " '", "' ", '\u2018', '\u2019', ' — ', '-', '...', ' [', '] ', '.');
const quoteText = fc.array(fc.tuple(word, glue), { maxLength: 12 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

test('normalizeQuote and quoteTokens never throw, on any UTF-16 text', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      assert.equal(typeof normalizeQuote(s), 'string');
      assert.ok(Array.isArray(quoteTokens(s)));
    }),
    { numRuns: 2000 },
  );
});

test('normalizeQuote is idempotent', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, quoteText), (s) => {
      const once = normalizeQuote(s);
      assert.equal(normalizeQuote(once), once);
      assert.deepEqual(quoteTokens(once), quoteTokens(s));
    }),
    { numRuns: 2000 },
  );
});

test('normalizeQuote is invariant under swapping curly and straight quote marks', () => {
  fc.assert(
    fc.property(quoteText, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (s, flips) => {
      let k = 0;
      const swapped = s.replace(/["'\u201c\u201d\u2018\u2019]/g, (c) => {
        if (!flips[k++ % flips.length]) return c;
        for (const [straight, curly] of MARK_PAIRS) {
          if (c === straight) return curly;
          if (c === curly) return straight;
        }
        return c;
      });
      assert.equal(normalizeQuote(swapped), normalizeQuote(s));
    }),
  );
});

test('normalizeQuote is invariant under changes of case and whitespace', () => {
  const space = fc.constantFrom(' ', '  ', '\t', '\n', ' \r\n ', '\u00a0');
  fc.assert(
    fc.property(quoteText, fc.boolean(), space, space, space, (s, upper, inner, lead, trail) => {
      const variant = lead + (upper ? s.toUpperCase() : s.toLowerCase()).replace(/ /g, inner) + trail;
      assert.equal(normalizeQuote(variant), normalizeQuote(s));
    }),
  );
});

test('normalizeQuote: table', () => {
  const rows: [string, string][] = [
    ['We also have reports.', 'we also have reports'],
    ['  Their losses are   significant,\n very significant,  ', 'their losses are significant, very significant'],
    ['haven\u2019t really been all effective,', "haven't really been all effective"],
    ['\u201chuman wave\u201d', '"human wave"'],
    ['front\u2013line \u2014 assault', 'front-line - assault'],
    ['It is clear\u2026treating', 'it is clear...treating'],
    ['It is clear. . . treating', 'it is clear... treating'],
    ['They have suffered [great] casualties', 'they have suffered [great] casualties'],
    ['several?!', 'several'],
    ['zero\u200bwidth', 'zerowidth'],
  ];
  for (const [input, expected] of rows) assert.equal(normalizeQuote(input), expected, input);
});

test('quoteTokens: numbers whole, apostrophes kept, ellipsis and bracket markers', () => {
  const rows: [string, string[]][] = [
    ['more than 3,000 people', ['more', 'than', '3,000', 'people']],
    ['about 12.5 percent.', ['about', '12.5', 'percent']],
    ['North Korea\u2019s troops haven\u2019t', ['north', "korea's", 'troops', "haven't"]],
    ['It is clear...treating these troops', ['it', 'is', 'clear', '...', 'treating', 'these', 'troops']],
    ['We also have reports \u2026 rather than surrendering', ['we', 'also', 'have', 'reports', '...', 'rather', 'than', 'surrendering']],
    ['They have suffered [Heavy] casualties', ['they', 'have', 'suffered', '[heavy]', 'casualties']],
    ['the [Russian military] and', ['the', '[russian military]', 'and']],
    ['self-destructing drones', ['self', 'destructing', 'drones']],
    ['\u201cnested \u2018quote\u2019 here\u201d', ['nested', 'quote', 'here']],
    ['It is clear...', ['it', 'is', 'clear']],
  ];
  for (const [input, expected] of rows) assert.deepEqual(quoteTokens(input), expected, input);
});

test('tokenSpans: offsets index the raw text', () => {
  fc.assert(
    fc.property(quoteText, (s) => {
      for (const t of tokenSpans(s)) {
        const raw = s.slice(t.start, t.end);
        assert.ok(raw.length > 0);
        if (!t.norm.startsWith('[') && t.norm !== '...') assert.equal(raw.toLowerCase().replace(/\u2019/g, "'"), t.norm);
      }
    }),
  );
});

// Mostly ASCII, so that quoteNorms's fast path is taken as often as the general one.
const asciiText = fc.string({ unit: fc.constantFrom('a', 'B', 'z', 'Q', '3', '0', ' ', '\n', '\t', '\r', '.', ',', "'", '[', ']', '-', '"', '…', 'é', '’', 'ʼ', '‘', '“', '”', '—', '–', '«', '»', '\u00a0', '\u2009'), maxLength: 80 });
// Brackets around the regex's 80-character limit, among dots and words: the fast path scans them by code.
const longBrackets = fc
  .array(fc.oneof(fc.integer({ min: 76, max: 84 }).map((k) => `[${'ab '.repeat(30).slice(0, k)}]`), fc.constantFrom('. . .', '. .', '....', '.\t.\n.', '.\r. .', '3.5', "it's", ' ', '\n', '['), asciiText), { maxLength: 6 })
  .map((parts) => parts.join(''));

test('quoteNorms gives the norms of tokenSpans, on ASCII and any other text', () => {
  fc.assert(
    fc.property(fc.oneof(asciiText, anyText, quoteText, longBrackets), (s) => {
      assert.deepEqual(quoteNorms(s), tokenSpans(s).map((t) => t.norm));
    }),
    { numRuns: 3000 },
  );
});

test('tokenRange gives the offsets tokenSpans gives, from token first to token last', () => {
  fc.assert(
    fc.property(fc.oneof(asciiText, anyText, quoteText, longBrackets), fc.nat(), fc.nat(), (s, a, b) => {
      const spans = tokenSpans(s);
      const n = spans.length + 2; // past the end too
      const first = Math.min(a % n, b % n);
      const last = Math.max(a % n, b % n);
      const expected = last < spans.length ? [spans[first]?.start, spans[last]?.end] : null;
      assert.deepEqual(tokenRange(s, first, last), expected);
    }),
    { numRuns: 3000 },
  );
});
