import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCorpus, checkDraft, ClaimCache, extractClaims } from '../../server/src/core/check';
import { ParagraphMemo } from '../../server/src/core/extract/paragraph-memo';

// Pieces that exercise every extractor: numbers, qualifiers, dates, quotes, Markdown, directives, odd Unicode.
const piece = fc.constantFrom(
  'About 11,000 soldiers', ' more than 3,000 ', 'troops were deployed', ' on December 23', ' last August', '. ',
  '"', '“', '”', '‘', '’', ' said Kirby', 'Zelenskyy stated, ', '...', '[great]', '\n', '\n\n', '> ', '# ', '`', '```\n',
  '<!-- citecheck-ignore -->', '<!-- citecheck-disable -->', '<!-- citecheck-enable -->', '---\n', '[x](http://a/1)',
  '$3.5 billion', '12%', 'tens of thousands', 'half', '😀', 'e\u0301', '\u200f', '\ud800', '\r\n', ' ', 'killed or wounded',
);
const draftText = fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }));
const corpus = buildCorpus([
  { id: 'a', text: 'North Korea deployed approximately 11,000 soldiers. Kirby said, "We also have reports." On December 23, more than 3,000 were killed or wounded.' },
  { id: 'b', text: '' },
]);

test('checkDraft never throws; every claim is the draft slice at its offsets, inside the text, with one verdict per source', () => {
  fc.assert(
    fc.property(draftText, fc.constantFrom('markdown' as const, 'plaintext' as const), (text, language) => {
      const claims = checkDraft(text, corpus, { language });
      let last = -1;
      for (const c of claims) {
        assert.ok(c.start >= 0 && c.start < c.end && c.end <= text.length);
        assert.equal(text.slice(c.start, c.end), c.text);
        assert.ok(c.start >= last, 'claims in draft order');
        last = c.start;
        assert.deepEqual(c.verdicts.map((v) => v.source), ['a', 'b']);
        assert.ok(['contradicted', 'supported', 'unsupported'].includes(c.status));
      }
    }),
    { numRuns: 400 },
  );
});

// An editor's keystrokes: the same draft edited in place, read with one memo throughout.
const editedDrafts = fc.tuple(
  fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.array(piece, { maxLength: 3 }).map((a) => a.join(''))), { minLength: 1, maxLength: 8 }),
);

function applyEdits(text: string, edits: [number, number, string][]): string[] {
  const out = [text];
  for (const [at, cut, insert] of edits) {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    text = text.slice(0, i) + insert + text.slice(i + cut);
    out.push(text);
  }
  return out;
}

test('extractClaims paragraph by paragraph with a memo gives what reading the whole draft gives, edit after edit', () => {
  fc.assert(
    fc.property(editedDrafts, fc.constantFrom('markdown' as const, 'plaintext' as const), ([text, edits], language) => {
      const memo = new ParagraphMemo();
      for (const version of applyEdits(text, edits)) {
        assert.deepEqual(extractClaims(version, { language }, memo), extractClaims(version, { language }));
      }
    }),
    { numRuns: 300 },
  );
});

test('checkDraft with a ClaimCache gives what a check without one gives, edit after edit', () => {
  fc.assert(
    fc.property(editedDrafts, fc.constantFrom('markdown' as const, 'plaintext' as const), ([text, edits], language) => {
      const cache = new ClaimCache();
      for (const version of applyEdits(text, edits)) {
        const cached = JSON.stringify(checkDraft(version, corpus, { language, cache }));
        assert.equal(cached, JSON.stringify(checkDraft(version, corpus, { language })));
      }
    }),
    { numRuns: 200 },
  );
});
