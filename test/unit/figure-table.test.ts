import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { addSource, createCorpus, indexSource } from '../../server/src/core/corpus/corpus';
import { figureAt, figureCount, figureStart } from '../../server/src/core/corpus/figure-table';
import { forgetPreparations } from '../../server/src/core/verify/preparations';
import type { FigureMention } from '../../server/src/core/types';

const sourcesDir = join(__dirname, '..', '..', 'examples', 'sources');

/** The figure as JSON with its keys in order, its number's too: what a packed figure must read back as. */
function shape(f: FigureMention): string {
  return JSON.stringify([Object.keys(f), Object.keys(f.number), f]);
}

function assertReadsBack(id: string, text: string): void {
  const plain = indexSource({ id, text });
  const doc = addSource(createCorpus(), { id, text });
  assert.equal(figureCount(doc), plain.figures.length);
  assert.deepEqual(doc.figures.map(shape), plain.figures.map(shape));
  plain.figures.forEach((f, i) => assert.equal(figureStart(doc, i), f.start));
}

test('figure table: every figure of the example sources reads back from its columns as the extractor made it', () => {
  const files = readdirSync(sourcesDir);
  assert.ok(files.length >= 5);
  let figures = 0;
  for (const file of files) {
    const text = readFileSync(join(sourcesDir, file), 'utf8');
    assertReadsBack(file, text);
    figures += indexSource({ id: file, text }).figures.length;
  }
  assert.ok(figures > 10, `${figures} figures`);
});

test('figure table (property): ranges, fractions, money, scores out of 100, dated and vague figures read back alike', () => {
  const piece = fc.constantFrom(
    'Kirby said about 3,000 North Korean troops were killed or wounded in the past week. ',
    'Between 10,000 and 12,000 soldiers were deployed as of April 29, 2024. ',
    'The school got a score of 85 out of 100. ',
    'Half of the 1,200 residents fled; tens of thousands stayed. ',
    'The US pledged $3.5 billion, up 12.5% on 2023. ',
    'In 2024 more than 45% of voters in India backed it. ',
    'é 😀 “We counted 400 bodies,” he said. ',
    '\n\n',
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => assertReadsBack('x', parts.join(''))));
});

test('figure table: a figure is one object until its source\'s preparations are dropped, then made again alike', () => {
  const text = 'About 11,000 soldiers were deployed. Officials said 3,000 of them were wounded.';
  const doc = addSource(createCorpus(), { id: 'a', text });
  assert.equal(figureCount(doc), 2);
  const first = figureAt(doc, 1);
  assert.equal(figureAt(doc, 1), first);
  forgetPreparations(doc);
  const again = figureAt(doc, 1);
  assert.notEqual(again, first);
  assert.deepEqual(again, first);
  assert.equal(again.text, '3,000 of them');
});

test('figure table: figures assigned to a filed source replace its columns', () => {
  const doc = addSource(createCorpus(), { id: 'a', text: 'About 11,000 soldiers were deployed.' });
  const other = indexSource({ id: 'b', text: 'Some 40 tanks and 7 jets.' }).figures;
  doc.figures = other;
  assert.equal(doc.figures, other);
  assert.equal(figureCount(doc), 2);
  assert.equal(figureAt(doc, 1), other[1]);
});
