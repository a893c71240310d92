// A memo that keeps only what was asked for since its last sweep: an editor's draft changes under it, and what
// the writer has deleted must not pile up.

export class SweptMemo<V> {
  private entries = new Map<string, { value: V; used: boolean }>();

  /** The value for this key, made with `make` the first time it is asked for. */
  get(key: string, make: () => V): V {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { value: make(), used: true }));
    e.used = true;
    return e.value;
  }

  /** The value kept for this key (now counted as asked for), or undefined when there is none. */
  find(key: string): V | undefined {
    const e = this.entries.get(key);
    if (e) e.used = true;
    return e?.value;
  }

  /** Keeps a value for this key, counted as asked for. */
  set(key: string, value: V): void {
    this.entries.set(key, { value, used: true });
  }

  /** Forgets every key not asked for since the last sweep. */
  sweep(): void {
    for (const [k, e] of this.entries) {
      if (!e.used) this.entries.delete(k);
      else e.used = false;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
