// A property built on first read: a claim's full verdict list, a source's sentence objects. Engine callers read
// compact forms; the objects are made only for a caller that asks, and kept from then on.
//
// Every object of a kind shares one getter and one setter, which build the value from the object itself: V8 then
// gives them all one hidden class. A getter made per object gave each object a hidden class of its own, about a
// kilobyte per claim, made again for every claim of every check an editor runs.

/** Defines `key` on each object given as the value `build` makes from the object on first read, kept from then on
 * as a plain writable property; assigning it first skips the build. */
export function lazyProperty<T extends object>(key: string, enumerable: boolean, build: (target: T) => unknown): (target: T) => void {
  const settle = (target: object, value: unknown): void => {
    Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
  };
  const accessor: PropertyDescriptor = {
    enumerable,
    configurable: true,
    get(this: T): unknown {
      const value = build(this);
      settle(this, value);
      return value;
    },
    set(this: object, value: unknown): void {
      settle(this, value);
    },
  };
  return (target) => {
    Object.defineProperty(target, key, accessor);
  };
}
