// verifyQuote skips the exact search in a source quotation its words rule out (mayMatchExactly): without an
// insertion or an ellipsis of its own, every word the draft quotes must be among the quotation's. The skip must never
// drop a quotation in which the exact search finds the draft's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exactMatchProbe } from '../../server/src/core/verify/quotes';

// A small vocabulary, so that draft and source share words often, with insertions and ellipses on both sides.
const token = fc.constantFrom('the', 'war', 'will', 'end', 'soon', 'Soon,', 'army', '[the army]', '[it]', '...', '…', '. . .', 'won’t', "won't", '3,000');
const inner = fc.array(token, { minLength: 1, maxLength: 8 }).map((t) => t.join(' '));

test('a source quotation ruled out by its words is never one the exact search finds the draft in', () => {
  let found = 0;
  fc.assert(
    fc.property(inner, inner, fc.boolean(), (draft, source, sub) => {
      // Half the time the draft quotes part of the source, so that the exact search often succeeds.
      const d = sub ? source.split(' ').slice(1, 4).join(' ') || draft : draft;
      const r = exactMatchProbe(d, source);
      if (r.found) {
        found++;
        assert.ok(r.may, `ruled out "${source}" for "${d}"`);
      }
    }),
    { numRuns: 30000 },
  );
  // The property means something only if the search often succeeds.
  assert.ok(found > 500, `only ${found} exact matches`);
});

test('a plain source quotation missing one of the draft words is ruled out; one with an ellipsis is not', () => {
  assert.deepEqual(exactMatchProbe('the war will end', 'the war will stop'), { may: false, found: false });
  assert.deepEqual(exactMatchProbe('the war will end', 'the war will end soon'), { may: true, found: true });
  assert.equal(exactMatchProbe('the war soon will end', 'the war ... will end').may, true);
  assert.equal(exactMatchProbe('[the army] will end', 'war will end').may, true);
  // Found by this property: a source's own insertion holds the draft's words.
  assert.deepEqual(exactMatchProbe('the army . . .', '[the army]'), { may: true, found: true });
});
