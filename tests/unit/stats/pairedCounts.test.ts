// Paired comparisons from a 2×2 table must agree with the statistics core on the expanded 0/1
// vectors, and with R (binom.test for McNemar's exact test, sd(d)/sqrt(n), cor(x, y)).
import { describe, expect, it } from "vitest";
import {
  checkCounts,
  independentSe,
  type PairCounts,
  pairedFromCounts,
  questionsToSeparate,
} from "../../../src/components/stats/pairedCounts.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";
import { mcnemarTest, pairedDifference } from "../../../src/components/stats/tests.ts";

function expand(c: PairCounts): { x: number[]; y: number[] } {
  const both = c.aRight - c.onlyA;
  const neither = c.n - both - c.onlyA - c.onlyB;
  const x: number[] = [];
  const y: number[] = [];
  const push = (count: number, a: number, b: number) => {
    for (let i = 0; i < count; i++) {
      x.push(a);
      y.push(b);
    }
  };
  push(both, 1, 1);
  push(c.onlyA, 1, 0);
  push(c.onlyB, 0, 1);
  push(neither, 0, 0);
  return { x, y };
}

const table = (both: number, onlyA: number, onlyB: number, neither: number): PairCounts => ({
  n: both + onlyA + onlyB + neither,
  aRight: both + onlyA,
  bRight: both + onlyB,
  onlyA,
  onlyB,
});

describe("pairedFromCounts", () => {
  it("matches R on the Mistral 7B v0.1 vs Instruct v0.2 table (MMLU-Pro)", () => {
    // R: x, y expanded; mean(d), sd(d)/sqrt(n), cor(x, y); binom.test(1578, 3034)
    const r = pairedFromCounts(table(2004, 1578, 1456, 6994));
    expect(r.diff).toBeCloseTo(0.01013962766, 10);
    expect(r.se).toBeCloseTo(0.004577195465, 10);
    expect(r.correlation).toBeCloseTo(0.391109476515, 9);
    expect(r.pValue).toBeCloseTo(0.028022910319, 8);
  });

  it("equals pairedDifference and mcnemarTest on the expanded vectors (random tables)", () => {
    const rng = seededRandom(7);
    for (let t = 0; t < 40; t++) {
      const c = table(
        Math.floor(rng() * 300),
        Math.floor(rng() * 60),
        Math.floor(rng() * 60),
        Math.floor(rng() * 300) + 2,
      );
      const { x, y } = expand(c);
      const ref = pairedDifference(x, y);
      const got = pairedFromCounts(c);
      expect(got.diff).toBeCloseTo(ref.meanDiff, 12);
      expect(got.se).toBeCloseTo(ref.se, 12);
      expect(got.lower).toBeCloseTo(ref.lower, 12);
      expect(got.upper).toBeCloseTo(ref.upper, 12);
      expect(got.correlation).toBeCloseTo(ref.correlation, 10);
      expect(got.pValue).toBeCloseTo(mcnemarTest(c.onlyA, c.onlyB).pValue, 12);
    }
  });

  it("skips the exact test when asked (for curves)", () => {
    expect(Number.isNaN(pairedFromCounts(table(5, 3, 1, 5), { exact: false }).pValue)).toBe(true);
  });

  it("is tighter than the independent SE when the models agree", () => {
    const c = table(600, 50, 30, 320);
    const pa = c.aRight / c.n;
    const pb = c.bRight / c.n;
    expect(pairedFromCounts(c).se).toBeLessThan(independentSe(pa, c.n, pb, c.n));
  });

  it("rejects inconsistent tables with a reason", () => {
    expect(() => checkCounts({ n: 10, aRight: 5, bRight: 5, onlyA: 3, onlyB: 1 })).toThrow(/inconsistent/);
    expect(() => checkCounts({ n: 10, aRight: 11, bRight: 5, onlyA: 6, onlyB: 0 })).toThrow(/exceed/);
    expect(() => checkCounts({ n: 10, aRight: 2.5, bRight: 5, onlyA: 0, onlyB: 0 })).toThrow(/integer/);
    expect(() => pairedFromCounts(table(1, 0, 0, 0))).toThrow(/at least 2/);
  });
});

describe("questionsToSeparate", () => {
  it("solves z·√(v/n) = |d| (hand-worked: v = 0.32, d = 0.02 → 3,074)", () => {
    // 1.959964² · 0.32 / 0.0004 = 3073.1 → 3,074
    expect(questionsToSeparate(0.32, 0.02)).toBe(3074);
    expect(questionsToSeparate(0.32, -0.02)).toBe(3074);
    expect(questionsToSeparate(0.32, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
