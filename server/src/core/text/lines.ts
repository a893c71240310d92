// Offset <-> line/character conversion. Lines end at \n, \r\n or \r; characters are UTF-16 code units.
import type { Position } from '../types';

export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most texts end their lines with \n alone: the engine's indexOf finds them faster than a loop over every unit.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last element of an ascending array that is <= value (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based position of an offset, given the text's line starts. */
export function positionAt(starts: readonly number[], offset: number): Position {
  const line = lastAtOrBefore(starts, offset);
  return { line, character: offset - (starts[line] as number) };
}
