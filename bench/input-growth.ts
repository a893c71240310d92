// How reading time grows with odd inputs: each of a list of tokens (quote marks, backticks, blank lines, digits,
// speech verbs, Markdown and HTML marks...) and random mixtures of them, repeated to two lengths, read as a draft
// (extractClaims) and as a source (indexSource; HTML through the loader's extractHtml); and a few sources of one
// repeated stretch (dated clauses, figures, quotations, an emoji) checked against a draft. At four times the text,
// linear reading takes about four times as long; a pattern that takes more than eight times as long (and over
// 30 ms) is listed as growing faster than linearly: on a large file such an input is a hang, not a slow run.
//
//   node bench/out/input-growth.js [--mixtures N] [--seed N]    (after npm run build; npm run bench runs it)
import { extractClaims } from '../server/src/core/extract/claims';
import { indexSource } from '../server/src/core/corpus/corpus';
import { buildCorpus, checkDraft } from '../server/src/core/check';
import { extractHtml, HtmlTooDeepError } from '../server/src/sources/html';

const TOKENS = [
  '`', '```', '~~~', '"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '\u00ab', '\u00bb', '(', ')', '[', ']', '<', '>',
  '*', '_', '#', '-', '|', ':', ',', '.', '...', '\u2026', '1', '1,', '1.', '1 ', '3,000 ', '11\u202f000 ', 'a ',
  'said ', 'Said ', 'Kim ', 'Kim said ', '"a," he said. ', 'On ', 'December ', 'December 23 ', '23 ', 'late ',
  'last ', 'in the past week ', 'since the ', 'according to ', 'As ', 'X: ', '> ', '\n', '\n\n', '\t', '    ',
  '<!-- ', '-->', '<!-- citecheck-disable -->', '<b>', '</b>', '<div>', '![', '](', '[x](', 'http://', 'Mr. ',
  'U.S. ', 'percent ', '% ', '$', '$1 ', 'million ', 'one ', 'two thousand ', 'tens of ', 'half ', 'between ',
  'and ', 'to ', '\u2013 ', 'killed ', 'soldiers ', 'North Korean ', 'the ', 'Kirby, ', '[sic] ', 'e\u0301',
  '\ud83d\ude00', '\ud83d\ude00-3,000 ]', '\u202f', 'He ', 'who ',
];

export interface GrowthRow {
  pattern: string;
  what: 'draft' | 'source' | 'html' | 'check' | 'dense';
  smallMs: number;
  largeMs: number;
}

const SMALL = 10_000;
const LARGE = 40_000;

function fastest(f: () => unknown, runs = 2): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

async function fastestAsync(f: () => Promise<unknown>, runs = 2): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** The patterns: every token alone, then `mixtures` random runs of two to five tokens (seeded). */
export function patterns(mixtures: number, seed: number): string[] {
  let s = seed >>> 0 || 1;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const mixes = Array.from({ length: mixtures }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => TOKENS[Math.floor(rnd() * TOKENS.length)] as string).join(''),
  );
  return [...TOKENS, ...mixes];
}

const repeat = (p: string, n: number): string => p.repeat(Math.ceil(n / p.length)).slice(0, n);

export async function measureGrowth(mixtures = 40, seed = 1): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const pattern of patterns(mixtures, seed)) {
    const [small, large] = [repeat(pattern, SMALL), repeat(pattern, LARGE)];
    rows.push({
      pattern, what: 'draft',
      smallMs: fastest(() => extractClaims(small, { language: 'markdown' })),
      largeMs: fastest(() => extractClaims(large, { language: 'markdown' })),
    });
    rows.push({ pattern, what: 'source', smallMs: fastest(() => indexSource({ id: 's', text: small })), largeMs: fastest(() => indexSource({ id: 's', text: large })) });
    // A page nested too deep is refused (HtmlTooDeepError): that is reading it too, and it must stop as quickly.
    const html = (text: string) => extractHtml(text).catch((err: unknown) => (err instanceof HtmlTooDeepError ? null : Promise.reject(err)));
    rows.push({ pattern, what: 'html', smallMs: await fastestAsync(() => html(small)), largeMs: await fastestAsync(() => html(large)) });
  }
  return rows;
}

/** A source made of one repeated stretch, checked against a one-sentence draft of the same kind: verification
 * reads a source's sentences, clauses and quotations around each candidate mention. */
const CHECKS: [source: string, draft: string][] = [
  ['On December 23 troops moved. ', 'On December 21 troops moved.'],
  ['on December 23 troops moved ', 'On December 21 troops moved.'],
  ['About 3,000 soldiers died ', 'Roughly 15,000 soldiers died.'],
  ['About 3,000 soldiers died, ', 'Roughly 15,000 soldiers died.'],
  ['"We will win" Kim said ', '"We will win now," Kim said.'],
  ['\ud83d\ude00 December 23 1 ', 'On December 21 troops moved.'],
  ['\ud83d\ude00 3,000 soldiers ', 'Roughly 15,000 soldiers died.'],
  ['\u201cwords \u2018', '"We will win now," Kim said.'],
];

/** Checks are measured on longer texts than reading: per-segment work that grows with the whole source shows only
 * past a few hundred dated sentences (a contradicting date's clause looked its sentence's dates up among all the
 * source's dates: 17 -> 169 ms from 80,000 to 320,000 characters, 1.3 s at 640,000). */
const CHECK_SMALL = 80_000;
const CHECK_LARGE = 320_000;

export function measureCheckGrowth(): GrowthRow[] {
  return CHECKS.map(([unit, draft]) => {
    const time = (n: number): number => {
      const corpus = buildCorpus([{ id: 's', text: repeat(unit, n) }]);
      return fastest(() => {
        for (const c of checkDraft(draft, corpus)) void c.verdicts.length;
      });
    };
    return { pattern: `${unit} | ${draft}`, what: 'check', smallMs: time(CHECK_SMALL), largeMs: time(CHECK_LARGE) };
  });
}

/** Dense text near the size limit: every sentence a dated figure with a quotation, or Markdown paragraphs of them,
 * read as a source and as a draft at 600,000 and 2,400,000 characters. Work per mention against all of a text's
 * dates or quotations shows only at this size (a 5 MB source of dated figures took 35 s, a 5 MB draft of quoted
 * paragraphs 15.5 s, a 1 MB line of ignore comments 4.6 s, before this was measured). */
const DENSE: string[] = [
  'About 3,000 soldiers died on December 23, 2024, Kim said. "We will win now," he said. ',
  'Troops moved on December 23.\n\n> "We will win," Kim said.\n\n- 3,000 soldiers\n\n',
  // One long line of ignore comments: each comment's line was sliced and trimmed (4.6 s at 1 MB).
  '<!-- citecheck-ignore -->3,000 soldiers ',
];
const DENSE_SMALL = 600_000;
const DENSE_LARGE = 2_400_000;

export function measureDenseGrowth(): GrowthRow[] {
  return DENSE.flatMap((unit) => [
    { pattern: `source: ${unit}`, what: 'dense' as const, smallMs: fastest(() => indexSource({ id: 's', text: repeat(unit, DENSE_SMALL) }), 1), largeMs: fastest(() => indexSource({ id: 's', text: repeat(unit, DENSE_LARGE) }), 1) },
    { pattern: `draft: ${unit}`, what: 'dense' as const, smallMs: fastest(() => extractClaims(repeat(unit, DENSE_SMALL), { language: 'markdown' }), 1), largeMs: fastest(() => extractClaims(repeat(unit, DENSE_LARGE), { language: 'markdown' }), 1) },
  ]);
}

/** Rows that grow faster than linearly: more than 8x the time at 4x the text, and long enough to tell. */
export function superlinear(rows: readonly GrowthRow[]): GrowthRow[] {
  return rows.filter((r) => r.largeMs > 30 && r.largeMs > 8 * Math.max(r.smallMs, 1));
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const started = performance.now();
  const mixtures = arg('mixtures', 40);
  const rows = [...(await measureGrowth(mixtures, arg('seed', 1))), ...measureCheckGrowth(), ...measureDenseGrowth()];
  const worst = (what: GrowthRow['what']) =>
    rows.filter((r) => r.what === what).reduce((a, b) => (b.largeMs / Math.max(b.smallMs, 1) > a.largeMs / Math.max(a.smallMs, 1) ? b : a));
  const show = (r: GrowthRow) => `${JSON.stringify(r.pattern)} ${r.smallMs.toFixed(0)} -> ${r.largeMs.toFixed(0)} ms`;
  const bad = superlinear(rows);
  const read = rows.filter((r) => r.what === 'draft' || r.what === 'source' || r.what === 'html').length / 3;
  process.stdout.write(
    `input growth: ${read} patterns (${read - mixtures} tokens, ${mixtures} mixtures), each read at ` +
      `${SMALL.toLocaleString('en-US')} and ${LARGE.toLocaleString('en-US')} characters as a draft, a source and an HTML page, ` +
      `${CHECKS.length} sources of one repeated stretch, ${CHECK_SMALL.toLocaleString('en-US')} and ${CHECK_LARGE.toLocaleString('en-US')} characters, checked against a draft, ` +
      `and ${DENSE.length} dense texts read as a source and a draft at ${DENSE_SMALL.toLocaleString('en-US')} and ${DENSE_LARGE.toLocaleString('en-US')} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)\n` +
      `  slowest growth: draft ${show(worst('draft'))}; source ${show(worst('source'))}; html ${show(worst('html'))}; check ${show(worst('check'))}; dense ${show(worst('dense'))}\n`,
  );
  if (bad.length === 0) process.stdout.write('  met      every pattern reads in time linear in its length (under 8x the time at 4x the text)\n');
  else for (const r of bad) process.stdout.write(`  NOT met  ${r.what} ${show(r)}: faster than linear\n`);
}

if (require.main === module) void main();
