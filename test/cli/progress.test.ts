import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Progress } from '../../server/src/cli/progress';
import { run } from '../../server/src/cli/run';

function stream(): { isTTY: boolean; out: string[]; write(s: string): boolean } {
  const out: string[] = [];
  return { isTTY: true, out, write: (s: string) => (out.push(s), true) };
}

test('Progress: one updating line with the count and the noun, cleared afterwards', () => {
  const s = stream();
  const p = new Progress(s, true, 1, 0);
  p.update('Checking', 0, 1, 'drafts');
  p.update('Indexing', 1000, 1000);
  p.clear();
  assert.match(s.out[0] as string, /^\rChecking 0 \/ 1 draft…/);
  assert.match(s.out[1] as string, /^\rIndexing 1,000 \/ 1,000 sources…/);
  assert.equal(s.out[2], '\r\x1b[K');
});

test('Progress: nothing at all when disabled, or for small quick work', () => {
  const s = stream();
  new Progress(s, false, 1, 0).update('Indexing', 5, 10);
  const small = new Progress(s, true, 200, 60_000);
  small.update('Indexing', 5, 10);
  small.clear();
  assert.deepEqual(s.out, []);
});

// The check itself counts sources as it verifies them: with a large corpus it takes seconds per draft.
async function runOnCopies(copies: number, drafts: string[]): Promise<{ code: number; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-progress-'));
  try {
    const examples = join(__dirname, '..', '..', 'examples');
    const names = readdirSync(join(examples, 'sources'));
    mkdirSync(join(dir, 'sources'));
    for (let i = 0; i < copies; i++) {
      const name = names[i % names.length] as string;
      copyFileSync(join(examples, 'sources', name), join(dir, 'sources', `${String(i).padStart(3, '0')}_${name}`));
    }
    const err = stream();
    const out = stream();
    out.isTTY = false;
    const code = await run(['check', ...drafts.map((d) => join(examples, 'drafts', d)), '--sources', join(dir, 'sources'), '--fail-on', 'none'], {
      stdout: out,
      stderr: err,
      env: {},
      cwd: dir,
    });
    return { code, err: err.out.join('') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('check: the progress line counts the sources verified for the draft, then is cleared', async () => {
  const { code, err } = await runOnCopies(250, ['north-korean-losses.md']);
  assert.equal(code, 0);
  assert.match(err, /\rChecking the draft: 0 \/ 250 sources…/);
  assert.ok(err.endsWith('\rChecking the draft: 250 / 250 sources…\x1b[K\r\x1b[K'), JSON.stringify(err.slice(-80)));
});

test('check: with several drafts the progress line names which draft it is on', async () => {
  const { err } = await runOnCopies(250, ['north-korean-losses.md', 'kursk-briefing.txt']);
  assert.match(err, /\rChecking draft 1 of 2: 250 \/ 250 sources…/);
  assert.match(err, /\rChecking draft 2 of 2: 250 \/ 250 sources…/);
});

test('check: no progress line under CI, even on a terminal', async () => {
  const s = stream();
  Progress.for(s, false, { CI: 'true' }).update('Indexing', 5000, 10000);
  Progress.for(s, true, {}).update('Indexing', 5000, 10000);
  assert.deepEqual(s.out, []);
  Progress.for(s, false, {}).update('Indexing', 5000, 10000);
  assert.equal(s.out.length, 1);
});
