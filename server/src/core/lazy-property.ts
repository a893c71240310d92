// A property built on first read: a claim's full verdict list, a source's sentence objects. Engine callers read
// compact forms; the objects are made only for a caller that asks, and kept from then on.

/** Defines `key` on `target` as the value `build` makes on first read, kept from then on as a plain writable
 * property; assigning it first skips the build. */
export function defineLazy(target: object, key: string, build: () => unknown, enumerable: boolean): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable,
    configurable: true,
    get(): unknown {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}
