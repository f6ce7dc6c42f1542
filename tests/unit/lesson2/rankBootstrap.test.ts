// The fast rank bootstrap behind Lesson 2's figures, checked against independent values: the
// binomial table against exact hand-worked probabilities, the rank intervals against a 200,000-
// resample brute-force bootstrap in R (tests/reference/rankBootstrap.R, R's own rbinom).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { binomialTable, rankBootstrap, rankRange } from "../../../src/components/stats/rankBootstrap.ts";
import { rankIntervals } from "../../../src/components/stats/ranks.ts";

type RRow = { k: number; n: number; rank: number; lower: number; upper: number };
const reference = JSON.parse(readFileSync("tests/reference/rank-bootstrap.json", "utf8")) as Record<
  string,
  RRow[]
>;
const entriesOf = (rows: RRow[]) => rows.map((r, i) => ({ model: `m${i}`, k: r.k, n: r.n }));

describe("binomialTable", () => {
  it("Binomial(10, 1/2): P(X ≤ 5) = 638/1024, P(X ≤ 0) = 1/1024 (hand-worked)", () => {
    const t = binomialTable(10, 0.5);
    expect(t.from).toBe(0);
    expect(t.cdf[5]).toBeCloseTo(638 / 1024, 14);
    expect(t.cdf[0]).toBeCloseTo(1 / 1024, 14);
    expect(t.cdf[t.cdf.length - 1]).toBe(1);
  });
  it("Binomial(1000, 0.8): the table's mean is 800 and its variance 160", () => {
    const t = binomialTable(1000, 0.8);
    let mean = 0;
    let square = 0;
    let prev = 0;
    for (let i = 0; i < t.cdf.length; i++) {
      const x = t.from + i;
      const p = t.cdf[i]! - prev;
      prev = t.cdf[i]!;
      mean += p * x;
      square += p * x * x;
    }
    expect(mean).toBeCloseTo(800, 9);
    expect(square - mean * mean).toBeCloseTo(160, 6);
  });
  it("a certain score is a table of one count", () => {
    expect(binomialTable(50, 1)).toEqual({ from: 50, cdf: Float64Array.of(1) });
    expect(binomialTable(50, 0)).toEqual({ from: 0, cdf: Float64Array.of(1) });
  });
});

describe("rankRange", () => {
  it("drops 2.5% of the resamples from each end (hand-worked tallies)", () => {
    // 100 resamples: 2 at rank 1, 90 at rank 2, 8 at rank 3 → the lower tail (2.5) swallows rank 1.
    expect(rankRange([2, 90, 8], 100, 0.95)).toEqual([2, 3]);
    expect(rankRange([3, 95, 2], 100, 0.95)).toEqual([1, 2]);
  });
});

describe("rankBootstrap against a 200,000-resample bootstrap in R", () => {
  for (const [name, rows] of Object.entries(reference)) {
    it(`${name}: 200,000 resamples give R's intervals`, () => {
      const got = rankBootstrap(entriesOf(rows), { resamples: 200_000, seed: 3 });
      expect(got.map((r) => [r.rank, r.lower, r.upper])).toEqual(rows.map((r) => [r.rank, r.lower, r.upper]));
    });
    it(`${name}: the figure's 2,000 resamples are within one rank of R's at every end`, () => {
      for (const seed of [1, 2, 3]) {
        const got = rankBootstrap(entriesOf(rows), { resamples: 2000, seed });
        got.forEach((r, i) => {
          expect(Math.abs(r.lower - rows[i]!.lower)).toBeLessThanOrEqual(1);
          expect(Math.abs(r.upper - rows[i]!.upper)).toBeLessThanOrEqual(1);
        });
      }
    });
  }
  // The quick run (normal approximation where a table would be large) draws while a slider moves.
  for (const [name, rows] of Object.entries(reference)) {
    it(`${name}: the quick run, at 200,000 resamples, gives R's intervals; at the figure's 500, within one rank`, () => {
      const many = rankBootstrap(entriesOf(rows), { resamples: 200_000, seed: 4, quick: true });
      expect(many.map((r) => [r.rank, r.lower, r.upper])).toEqual(
        rows.map((r) => [r.rank, r.lower, r.upper]),
      );
      for (const seed of [1, 2, 3]) {
        rankBootstrap(entriesOf(rows), { resamples: 500, seed, quick: true }).forEach((r, i) => {
          expect(Math.abs(r.lower - rows[i]!.lower)).toBeLessThanOrEqual(1);
          expect(Math.abs(r.upper - rows[i]!.upper)).toBeLessThanOrEqual(1);
        });
      }
    });
  }
  it("agrees with rankIntervals (d3's binomial sampler) within one rank", () => {
    const entries = entriesOf(reference.n164!);
    const a = rankBootstrap(entries, { resamples: 4000, seed: 5 });
    const b = rankIntervals(entries, { resamples: 4000, seed: 5 });
    a.forEach((r, i) => {
      expect(r.rank).toBe(b[i]!.rank);
      expect(Math.abs(r.lower - b[i]!.lower)).toBeLessThanOrEqual(1);
      expect(Math.abs(r.upper - b[i]!.upper)).toBeLessThanOrEqual(1);
    });
  });
  it("is deterministic for a seed and rejects impossible counts", () => {
    const entries = entriesOf(reference.n1000!);
    expect(rankBootstrap(entries, { seed: 9 })).toEqual(rankBootstrap(entries, { seed: 9 }));
    expect(() => rankBootstrap([{ model: "x", k: 5, n: 4 }])).toThrow(/entries\[0\]\.k/);
  });
});
