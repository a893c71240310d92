// One updating progress line on stderr, shown only on a terminal and only when the work is large or slow.
import { num } from './report';

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): boolean;
}

export class Progress {
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: ProgressStream,
    readonly enabled: boolean,
    /** Show at once from this many items; smaller runs only once they have taken `slowMs`. */
    private readonly threshold = 200,
    private readonly slowMs = 500,
  ) {}

  /** Shown on a terminal, unless quiet or under CI (`CI` set in `env`). */
  static for(stream: ProgressStream, quiet: boolean, env: Record<string, string | undefined>): Progress {
    return new Progress(stream, !quiet && stream.isTTY === true && !env.CI);
  }

  update(label: string, done: number, total: number, noun = 'sources'): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!this.shown && total < this.threshold && now - this.started < this.slowMs) return;
    if (this.shown && done < total && now - this.lastDraw < 50) return; // at most 20 redraws a second
    this.lastDraw = now;
    this.shown = true;
    const word = total === 1 ? noun.replace(/s$/, '') : noun;
    this.stream.write(`\r${label} ${num(done)} / ${num(total)} ${word}…\x1b[K`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
