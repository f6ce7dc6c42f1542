import { describe, expect, it } from "vitest";
import type { Battle } from "../../../src/components/stats/bradleyTerry.ts";
import { bradleyTerry, winProbability } from "../../../src/components/stats/bradleyTerry.ts";
import { bootstrap, percentileInterval, seededRandom } from "../../../src/components/stats/random.ts";
import { competitionRanks, rankIntervals } from "../../../src/components/stats/ranks.ts";
import reference from "../../reference/r-reference.json";

describe("seeded randomness", () => {
  it("is reproducible for a seed and differs across seeds", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
  });
  it("bootstraps the mean of 0/1 data around its value", () => {
    const data: number[] = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const means = bootstrap(data, (s) => s.reduce((x, y) => x + y, 0) / s.length, {
      resamples: 500,
      seed: 3,
    });
    const [lo, hi] = percentileInterval(means);
    expect(lo).toBeLessThan(0.75);
    expect(hi).toBeGreaterThan(0.75);
    // close to the normal-theory half-width 1.96·√(.75·.25/400) = 0.0424
    expect((hi - lo) / 2).toBeGreaterThan(0.035);
    expect((hi - lo) / 2).toBeLessThan(0.05);
  });
});

describe("competitionRanks", () => {
  it("ranks high scores first and gives ties the better rank", () => {
    expect(Array.from(competitionRanks([0.7, 0.9, 0.7, 0.5]))).toEqual([2, 1, 2, 4]);
  });
});

describe("rankIntervals", () => {
  it("gives well-separated models single ranks", () => {
    const entries = [0.9, 0.7, 0.5, 0.3].map((p, i) => ({ model: `m${i}`, k: p * 10000, n: 10000 }));
    const r = rankIntervals(entries, { seed: 1 });
    expect(r.map((x) => [x.rank, x.lower, x.upper])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]);
  });
  it("gives identical models the same range of ranks", () => {
    const entries = ["a", "b", "c"].map((model) => ({ model, k: 130, n: 164 }));
    const r = rankIntervals(entries, { seed: 2 });
    for (const x of r) {
      expect(x.lower).toBe(1);
      expect(x.upper).toBe(3);
      expect(x.rank).toBe(1);
    }
  });
  it("a small test set dissolves ranks that a large one separates", () => {
    const make = (n: number) =>
      [0.86, 0.85, 0.84].map((p, i) => ({ model: `m${i}`, k: Math.round(p * n), n }));
    const small = rankIntervals(make(164), { seed: 5 });
    const large = rankIntervals(make(100_000), { seed: 5 });
    expect(small[0]!.upper).toBe(3);
    expect(large[0]!.upper).toBe(1);
  });
  it("is deterministic for a seed", () => {
    const entries = [0.6, 0.58, 0.55].map((p, i) => ({ model: `m${i}`, k: Math.round(p * 500), n: 500 }));
    expect(rankIntervals(entries, { seed: 9 })).toEqual(rankIntervals(entries, { seed: 9 }));
  });
  it("rejects impossible counts with the entry's index", () => {
    expect(() => rankIntervals([{ model: "x", k: 5, n: 4 }])).toThrow(/entries\[0\]\.k/);
  });
});

describe("bradleyTerry", () => {
  function roundRobin(wins: number[][]): Battle[] {
    const battles: Battle[] = [];
    const names = wins.map((_, i) => `m${i}`);
    for (const [i, row] of wins.entries()) {
      for (const [j, w] of row.entries()) {
        for (let t = 0; t < w; t++) battles.push({ a: names[i]!, b: names[j]!, winner: "a" });
      }
    }
    return battles;
  }
  it("matches R's logistic-regression MLE on a round robin", () => {
    const ratings = bradleyTerry(roundRobin(reference.bradleyTerry.wins), { bootstrap: 0, prior: 0 });
    const byModel = new Map(ratings.map((r) => [r.model, r.rating]));
    reference.bradleyTerry.ratings.forEach((expected, i) => {
      expect(Math.abs(byModel.get(`m${i}`)! - expected)).toBeLessThan(1e-6);
    });
  });
  it("two models: the rating gap is 400·log10(wins/losses), mean 1000", () => {
    const battles: Battle[] = [
      ...Array.from({ length: 30 }, () => ({ a: "x", b: "y", winner: "a" as const })),
      ...Array.from({ length: 10 }, () => ({ a: "x", b: "y", winner: "b" as const })),
    ];
    const [x, y] = bradleyTerry(battles, { bootstrap: 0, prior: 0 });
    expect(x!.rating - y!.rating).toBeCloseTo(400 * Math.log10(3), 6);
    expect((x!.rating + y!.rating) / 2).toBeCloseTo(1000, 9);
  });
  it("ties count half a win each", () => {
    const battles: Battle[] = [
      { a: "x", b: "y", winner: "a" },
      { a: "x", b: "y", winner: "tie" },
      { a: "y", b: "x", winner: "tie" },
      { a: "x", b: "y", winner: "b" },
    ];
    const [x, y] = bradleyTerry(battles, { bootstrap: 0, prior: 0 });
    expect(x!.rating).toBeCloseTo(y!.rating, 6);
  });
  it("recovers known ratings from simulated battles within its intervals", () => {
    const truth: Record<string, number> = { a: 1150, b: 1050, c: 1000, d: 900 };
    const names = Object.keys(truth);
    const mean = names.reduce((s, n) => s + truth[n]!, 0) / names.length;
    let covered = 0;
    for (const seed of [11, 12, 13, 14, 15]) {
      const rng = seededRandom(seed);
      const battles: Battle[] = [];
      for (let t = 0; t < 4000; t++) {
        const i = Math.floor(rng() * 4);
        let j = Math.floor(rng() * 3);
        if (j >= i) j++;
        const a = names[i]!;
        const b = names[j]!;
        battles.push({ a, b, winner: rng() < winProbability(truth[a]!, truth[b]!) ? "a" : "b" });
      }
      const ratings = bradleyTerry(battles, { bootstrap: 100, seed });
      expect(ratings.map((r) => r.model)).toEqual(["a", "b", "c", "d"]);
      for (const r of ratings) {
        const expected = 1000 + truth[r.model]! - mean;
        if (r.lower <= expected && expected <= r.upper) covered++;
        expect(Math.abs(r.rating - expected)).toBeLessThan(40);
        expect(r.upper - r.lower).toBeLessThan(80);
      }
    }
    // 95% intervals: expect about 19 of 20 to hold the true rating.
    expect(covered).toBeGreaterThanOrEqual(17);
  });
  it("keeps an unbeaten model finite with the default prior", () => {
    const battles: Battle[] = Array.from({ length: 5 }, () => ({ a: "x", b: "y", winner: "a" as const }));
    const [x] = bradleyTerry(battles, { bootstrap: 20 });
    expect(Number.isFinite(x!.rating)).toBe(true);
    expect(Number.isFinite(x!.upper)).toBe(true);
  });
  it("does not depend on the order of battles", () => {
    const battles = roundRobin(reference.bradleyTerry.wins);
    const a = bradleyTerry(battles, { bootstrap: 0 });
    const b = bradleyTerry([...battles].reverse(), { bootstrap: 0 });
    for (const r of a) expect(b.find((x) => x.model === r.model)!.rating).toBeCloseTo(r.rating, 6);
  });
  it("rejects a battle of a model with itself", () => {
    expect(() => bradleyTerry([{ a: "x", b: "x", winner: "a" }])).toThrow(/cannot battle itself/);
  });
});
