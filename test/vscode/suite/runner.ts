// A test runner small enough to bundle into the extension host: named async tests, run in order, each with a
// time limit; one line per test; run() rejects when any failed (test-electron then exits non-zero).
export type TestFn = () => Promise<void>;

const tests: { name: string; fn: TestFn; limitMs: number }[] = [];

export function test(name: string, fn: TestFn, limitMs = 60_000): void {
  tests.push({ name, fn, limitMs });
}

function withLimit(p: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

export async function runAll(): Promise<void> {
  let failed = 0;
  for (const [i, t] of tests.entries()) {
    try {
      await withLimit(t.fn(), t.limitMs, t.name);
      console.log(`ok ${i + 1} - ${t.name}`);
    } catch (err) {
      failed++;
      console.log(`not ok ${i + 1} - ${t.name}\n  ${err instanceof Error ? (err.stack ?? err.message).replace(/\n/g, '\n  ') : String(err)}`);
    }
  }
  console.log(`# ${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} VS Code tests failed`);
}
