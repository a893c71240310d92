// What the bench's measuring processes share: their `--name value` options, reading a corpus, and the peak resident
// set.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceInput } from '../server/src/core/types';

/** Every .txt file of a generated corpus, in name order, as sources (the id is the file name). */
export function readAll(dir: string): SourceInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => {
      const path = join(dir, id);
      return { id, path, text: readFileSync(path, 'utf8') };
    });
}

/** The value of `--name`, else `fallback`; throws when there is neither. */
export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v !== undefined) return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`${process.argv[1] ?? 'bench'}: missing --${name}`);
}

/** Peak resident set in MB (10^6 bytes) since the process started, or since the peak was last reset (Linux). */
export function peakMB(): number {
  try {
    const kb = /^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return (Number(kb) * 1024) / 1e6;
  } catch {
    // not Linux: the process's own maximum below
  }
  return (process.resourceUsage().maxRSS * 1024) / 1e6; // maxRSS is in kilobytes
}
