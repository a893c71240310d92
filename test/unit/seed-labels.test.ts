// Shape of the hand-labelled fixture test/fixtures/seed-labels.yaml (the ground truth `npm run eval` scores the
// engine against). This test reads the file only; it never calls the engine, so the labels stay independent of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const fixture = join(root, 'test', 'fixtures', 'seed-labels.yaml');
const sourcesDir = join(root, 'examples', 'sources');

const PREFIXES = ['000', '001', '002', '003', '004'] as const;
const VERDICTS = new Set(['supports', 'contradicts', 'lacks']);
const RULES = [
  'figures.same-anchor',
  'figures.opposite-directions',
  'figures.disjoint',
  'figures.inside',
  'figures.partial-overlap',
  'figures.scope',
  'figures.counted-thing',
  'figures.group',
  'figures.words',
  'figures.fraction',
  'figures.vague',
  'figures.range',
  'figures.absent',
  'dates.same',
  'dates.other',
  'dates.relative',
  'dates.holiday',
  'dates.absent',
  'quotes.exact',
  'quotes.partial',
  'quotes.ellipsis',
  'quotes.brackets',
  'quotes.changed',
  'quotes.misattributed',
  'quotes.scare',
  'quotes.absent',
  'mixed',
];

interface Item {
  id: string;
  rule: string;
  draft: string;
  expect: Record<string, string>;
  why?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function load(): Item[] {
  const doc: unknown = parse(readFileSync(fixture, 'utf8'));
  assert.ok(Array.isArray(doc), 'the fixture is a YAML list');
  return doc.map((raw: unknown, i: number): Item => {
    assert.ok(isRecord(raw), `item ${i} is a mapping`);
    for (const key of ['id', 'rule', 'draft'] as const) {
      assert.equal(typeof raw[key], 'string', `item ${i} has a string ${key}`);
      assert.ok((raw[key] as string).trim().length > 0, `item ${i} has a non-empty ${key}`);
    }
    assert.ok(isRecord(raw.expect), `item ${i} (${String(raw.id)}) has an expect mapping`);
    if (raw.why !== undefined) assert.equal(typeof raw.why, 'string', `item ${i} why is a string`);
    return raw as unknown as Item;
  });
}

const items = load();

test('every item has id, rule, draft and expect with exactly the five prefixes and known verdicts', () => {
  for (const item of items) {
    assert.deepEqual(Object.keys(item.expect).sort(), [...PREFIXES], `${item.id}: expect names exactly ${PREFIXES.join(', ')}`);
    for (const p of PREFIXES) {
      assert.ok(VERDICTS.has(item.expect[p] ?? ''), `${item.id}: verdict for ${p} is supports, contradicts or lacks (got ${String(item.expect[p])})`);
    }
  }
});

test('ids are unique', () => {
  const seen = new Set<string>();
  for (const item of items) {
    assert.ok(!seen.has(item.id), `duplicate id ${item.id}`);
    seen.add(item.id);
  }
});

test('rule names come from the list, and every listed rule is covered', () => {
  const known = new Set(RULES);
  for (const item of items) assert.ok(known.has(item.rule), `${item.id}: unknown rule ${item.rule}`);
  const covered = new Set(items.map((i) => i.rule));
  const missing = RULES.filter((r) => !covered.has(r));
  assert.deepEqual(missing, [], `rules without an item: ${missing.join(', ')}`);
});

test('at least 120 labels, with every verdict represented', () => {
  const labels = items.length * PREFIXES.length;
  assert.ok(labels >= 120, `only ${labels} labels`);
  const counts = new Map<string, number>();
  for (const item of items) for (const p of PREFIXES) counts.set(item.expect[p] ?? '', (counts.get(item.expect[p] ?? '') ?? 0) + 1);
  for (const v of VERDICTS) assert.ok((counts.get(v) ?? 0) > 0, `no ${v} label`);
});

test('each prefix names exactly one file in examples/sources', () => {
  const files = readdirSync(sourcesDir);
  for (const p of PREFIXES) {
    const matches = files.filter((f) => f.startsWith(`${p}_`));
    assert.equal(matches.length, 1, `prefix ${p} matches ${matches.length} files: ${matches.join(', ')}`);
  }
});
