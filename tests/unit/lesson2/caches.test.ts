// The bootstrap caches behind the Lesson 2 sliders: a quick answer at once, the full one after
// the delay (here on the main thread, as without a Worker), identical to a direct computation.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RankIntervalCache } from "../../../src/components/figures/rankIntervalCache.ts";
import { RefiningCache } from "../../../src/components/figures/refiningCache.ts";
import { rankIntervals } from "../../../src/components/stats/index.ts";

const entries = [
  { model: "a", k: 800, n: 1000 },
  { model: "b", k: 790, n: 1000 },
  { model: "c", k: 700, n: 1000 },
];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("RankIntervalCache", () => {
  it("answers quickly, then refines to exactly rankIntervals(full resamples)", () => {
    const refined: string[] = [];
    const cache = new RankIntervalCache({
      quick: 50,
      full: 1500,
      seed: 7,
      delay: 100,
      onRefined: (k) => refined.push(k),
    });
    const first = cache.get("k", entries);
    expect(first.refined).toBe(false);
    expect(first.intervals).toEqual(rankIntervals(entries, { resamples: 50, seed: 7 }));
    vi.advanceTimersByTime(120);
    expect(refined).toEqual(["k"]);
    const second = cache.get("k", entries);
    expect(second.refined).toBe(true);
    expect(second.resamples).toBe(1500);
    expect(second.intervals).toEqual(rankIntervals(entries, { resamples: 1500, seed: 7 }));
  });

  it("refines only the last key asked for while the slider moves", () => {
    const refined: string[] = [];
    const cache = new RankIntervalCache({
      quick: 20,
      full: 200,
      delay: 100,
      onRefined: (k) => refined.push(k),
    });
    for (const key of ["n=100", "n=200", "n=300"]) {
      cache.get(key, entries);
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(200);
    expect(refined).toEqual(["n=300"]);
    expect(cache.get("n=100", entries).refined).toBe(false);
  });

  it("drops the least recently used keys beyond its capacity", () => {
    const cache = new RankIntervalCache({ quick: 10, full: 20, capacity: 2, delay: 1 });
    cache.refineNow("a", entries);
    cache.refineNow("b", entries);
    cache.refineNow("c", entries);
    expect(cache.get("a", entries).refined).toBe(false);
  });
});

describe("RefiningCache", () => {
  it("returns the quick value, then the full one", () => {
    let quickCalls = 0;
    const cache = new RefiningCache<number, string>({
      quick: (x) => {
        quickCalls++;
        return `quick ${x}`;
      },
      full: (x) => `full ${x}`,
      delay: 50,
    });
    expect(cache.get("1", 1)).toEqual({ value: "quick 1", refined: false });
    expect(cache.get("1", 1)).toEqual({ value: "quick 1", refined: false });
    expect(quickCalls).toBe(1);
    vi.advanceTimersByTime(60);
    expect(cache.get("1", 1)).toEqual({ value: "full 1", refined: true });
  });
});

describe("RankIntervalCache with a quick stand-in", () => {
  it("uses it first (no bootstrap on the main thread), then the full bootstrap", () => {
    let calls = 0;
    const cache = new RankIntervalCache({
      full: 300,
      delay: 10,
      quickIntervals: (e) => {
        calls++;
        return e.map((x, i) => ({
          model: x.model,
          estimate: x.k / x.n,
          rank: i + 1,
          lower: 1,
          upper: e.length,
        }));
      },
    });
    const first = cache.get("k", entries);
    expect([first.refined, first.resamples, calls]).toEqual([false, 0, 1]);
    vi.advanceTimersByTime(20);
    expect(cache.get("k", entries).intervals).toEqual(rankIntervals(entries, { resamples: 300, seed: 1 }));
  });
});
