// One full garbage collection, for the moment the server has just built an index: indexing 10,000 sources
// leaves tens of megabytes of garbage that V8 has no reason to collect yet, and the first check, which keeps
// every source's preparations, would otherwise grow the heap on top of it (the server's peak memory).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null = null;

/** Collects garbage now (a few hundred milliseconds at 10,000 sources); does nothing where the runtime refuses. */
export function collectGarbage(): void {
  if (collector === null) {
    collector = (globalThis as { gc?: () => void }).gc ?? null;
    if (collector === null) {
      try {
        // Node exposes gc() only to contexts made after the flag is set.
        setFlagsFromString('--expose-gc');
        collector = runInNewContext('gc') as () => void;
      } catch {
        collector = () => undefined;
      }
    }
  }
  collector();
}
