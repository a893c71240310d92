// Preloaded by bench/cli-formats.ts (node --import): reports the process's peak resident set on exit, on stderr. On
// Linux it is read from /proc/self/status (VmHWM): getrusage's maxRSS also counts the parent's memory at the fork
// before exec.
import { readFileSync } from 'node:fs';

function peakKB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB ${peakKB()}\n`));
