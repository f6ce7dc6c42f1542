// The memo behind Lesson 3's redraws: same key → the very same object, no recomputation;
// past the limit, the least recently used key is the one dropped.
import { describe, expect, it } from "vitest";
import { keyedCache } from "../../../src/components/cache/keyedCache.ts";

describe("keyedCache", () => {
  it("computes once per key and returns the same object after", () => {
    const cache = keyedCache<{ v: number }>(4);
    let calls = 0;
    const make = (v: number) => () => {
      calls++;
      return { v };
    };
    const first = cache.get("a", make(1));
    expect(cache.get("a", make(99))).toBe(first);
    expect(first.v).toBe(1);
    expect(calls).toBe(1);
    const other = cache.get("b", make(2));
    expect(other).not.toBe(first);
    expect(other.v).toBe(2);
    expect(calls).toBe(2);
  });

  it("drops the least recently used key past its limit", () => {
    const cache = keyedCache<string>(2);
    cache.get("a", () => "A");
    cache.get("b", () => "B");
    cache.get("a", () => "never"); // a is now the most recent
    cache.get("c", () => "C"); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("c")).toBe(true);
    expect(cache.get("b", () => "B again")).toBe("B again");
    expect(cache.has("a")).toBe(false);
  });

  it("does not store a value whose making failed", () => {
    const cache = keyedCache<number>(2);
    expect(() =>
      cache.get("x", () => {
        throw new Error("bad");
      }),
    ).toThrow("bad");
    expect(cache.has("x")).toBe(false);
    expect(cache.get("x", () => 3)).toBe(3);
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => keyedCache(0)).toThrow(RangeError);
    expect(() => keyedCache(1.5)).toThrow(RangeError);
  });
});
