// A small least-recently-used cache by string key, for memoising what a figure computes per input
// (a pair of models, a benchmark and source, a drawing at a width): the same key gives the same
// object back without recomputing; past `limit` keys, the one used longest ago is dropped.

export interface KeyedCache<T> {
  /** The value for `key`, made by `make()` on a miss. */
  get(key: string, make: () => T): T;
  /** Whether `key` is held now (does not count as a use). */
  has(key: string): boolean;
  readonly size: number;
}

export function keyedCache<T>(limit: number): KeyedCache<T> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  // A Map keeps insertion order: re-inserting on every hit makes the first key the least recently used.
  const entries = new Map<string, T>();
  return {
    get(key, make) {
      if (entries.has(key)) {
        const hit = entries.get(key) as T;
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = make();
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return value;
    },
    has: (key) => entries.has(key),
    get size() {
      return entries.size;
    },
  };
}
