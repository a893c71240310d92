// Writing a large report in pieces: at 10,000 sources the JSON report is longer than a string can be.

export interface ChunkSink {
  write(s: string): boolean;
  /** A real stream's 'drain': a large report waits for the reader instead of piling up in memory. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Writes the pieces joined into writes of about 1 MB, waiting for the stream to drain when it asks to; resolves to
 * the characters written. */
export async function writeChunks(stream: ChunkSink, chunks: Iterable<string>): Promise<number> {
  let pending: string[] = [];
  let size = 0;
  let total = 0;
  const flush = async (): Promise<void> => {
    const ok = stream.write(pending.join(''));
    total += size;
    pending = [];
    size = 0;
    if (!ok && stream.once) await new Promise<void>((resolve) => stream.once?.('drain', resolve));
  };
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) await flush();
  }
  if (size > 0) await flush();
  return total;
}
