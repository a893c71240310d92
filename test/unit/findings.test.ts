import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FINDING_RULES, findingCode, type FindingCode } from '../../server/src/core/findings';
import type { Claim, ClaimKind, ClaimStatus, SourceVerdict } from '../../server/src/core/types';

function claim(kind: ClaimKind, status: ClaimStatus, verdicts: SourceVerdict[] = []): Claim {
  return {
    kind,
    text: 'x',
    start: 0,
    end: 1,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    speaker: null,
    status,
    sourcesDisagree: false,
    summary: '',
    verdicts,
  };
}
const ev = { text: 's', line: 1, column: 1, wording: 'w', start: 0, end: 1 };
const contradicts = (extra: Partial<SourceVerdict> = {}): SourceVerdict => ({ source: 'a.txt', verdict: 'contradicts', reason: 'r', evidence: ev, ...extra });
const supports = (extra: Partial<SourceVerdict> = {}): SourceVerdict => ({ source: 'b.txt', verdict: 'supports', reason: 'r', evidence: ev, ...extra });

describe('findingCode', () => {
  it('is null for a supported claim of every kind', () => {
    for (const kind of ['figure', 'date', 'quote'] as const) assert.equal(findingCode(claim(kind, 'supported', [supports()])), null);
  });

  it('is unsupported for an unsupported claim of every kind', () => {
    for (const kind of ['figure', 'date', 'quote'] as const) assert.equal(findingCode(claim(kind, 'unsupported')), 'unsupported');
  });

  it('names contradicted figures and dates by kind', () => {
    assert.equal(findingCode(claim('figure', 'contradicted', [contradicts()])), 'figure-contradicted');
    assert.equal(findingCode(claim('date', 'contradicted', [contradicts()])), 'date-contradicted');
  });

  it('calls a quote misattributed when a contradicting source credits someone else, even if words differ too', () => {
    assert.equal(findingCode(claim('quote', 'contradicted', [contradicts({ creditedTo: 'Kirby' })])), 'quote-misattributed');
    assert.equal(
      findingCode(claim('quote', 'contradicted', [contradicts({ diff: [{ draft: 'a', source: 'b' }] }), contradicts({ creditedTo: 'Kirby' })])),
      'quote-misattributed',
    );
  });

  it('calls a quote altered when a contradicting source has a word diff', () => {
    assert.equal(
      findingCode(claim('quote', 'contradicted', [contradicts({ diff: [{ draft: 'capture', source: 'rescue' }] })])),
      'quote-altered',
    );
  });

  it('falls back to quote-contradicted, and ignores creditedTo/diff on verdicts that do not contradict', () => {
    assert.equal(findingCode(claim('quote', 'contradicted', [contradicts()])), 'quote-contradicted');
    assert.equal(
      findingCode(claim('quote', 'contradicted', [contradicts(), supports({ creditedTo: 'Kirby', diff: [{ draft: 'a', source: 'b' }] })])),
      'quote-contradicted',
    );
    assert.equal(findingCode(claim('quote', 'contradicted', [contradicts({ diff: [] })])), 'quote-contradicted');
  });
});

describe('FINDING_RULES', () => {
  it('describes every code findingCode can return, under its own id, with contradictions as warnings', () => {
    const codes: FindingCode[] = ['figure-contradicted', 'date-contradicted', 'quote-misattributed', 'quote-altered', 'quote-contradicted', 'unsupported'];
    assert.deepEqual(Object.keys(FINDING_RULES).sort(), [...codes].sort());
    for (const code of codes) {
      const r = FINDING_RULES[code];
      assert.equal(r.id, code);
      assert.match(r.name, /^[A-Z][A-Za-z]+$/);
      for (const text of [r.shortDescription, r.fullDescription, r.help]) assert.ok(text.length > 10, `${code}: ${text}`);
      assert.equal(r.level, code === 'unsupported' ? 'note' : 'warning');
    }
  });
});
