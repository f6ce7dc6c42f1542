// The refining cache behind the Elo figure's sliders: a quick answer at once, the full one after
// the delay (here on the main thread, as without a Worker).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RefiningCache } from "../../../src/components/figures/refiningCache.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
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
