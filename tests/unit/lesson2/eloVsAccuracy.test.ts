// The Elo figure's model: the fast tally path (runArenaTally, ratingsFromWins, bootstrapTally) and
// deriveElo, checked against independent values — R's logistic-regression fit, the battle-by-battle
// path (simulateArena → bradleyTerry, which the arena's own tests check) and hand-worked rankings.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  arenaRun,
  deriveElo,
  noticeElo,
  QUICK_BOOTSTRAP,
  summaryElo,
} from "../../../src/components/figures/eloVsAccuracy.ts";
import {
  type ArenaModel,
  type ArenaRun,
  arenaModels,
  runArena,
  runArenaTally,
  simulateTally,
} from "../../../src/components/sim/arena.ts";
import { ratingsFromWins } from "../../../src/components/stats/bradleyTerry.ts";

const reference = JSON.parse(readFileSync("tests/reference/r-reference.json", "utf8")) as {
  bradleyTerry: { wins: number[][]; ratings: number[] };
};

describe("ratingsFromWins", () => {
  it("matches R's glm fit of a 4-model round robin (plain MLE, prior 0)", () => {
    const { wins, ratings } = reference.bradleyTerry;
    const got = ratingsFromWins(4, Float64Array.from(wins.flat()), 0);
    ratings.forEach((r, i) => {
      expect(got[i]).toBeCloseTo(r, 6);
    });
  });
  it("rejects a tally of the wrong size", () => {
    expect(() => ratingsFromWins(3, new Float64Array(4))).toThrow(/m × m/);
  });
});

describe("runArenaTally (the figure's arena) against runArena (battle by battle)", () => {
  for (const [votes, styleWeight, seed] of [
    [300, 0.5, 1],
    [5000, 1.5, 7],
    [1200, 0, 3],
  ] as const) {
    it(`${votes} votes, weight ${styleWeight}, seed ${seed}: same ratings, intervals and win rates`, () => {
      const a = runArena(arenaModels, { votes, styleWeight, seed, bootstrap: 60 });
      const b = runArenaTally(arenaModels, { votes, styleWeight, seed, bootstrap: 60 });
      expect(b.ratings.map((r) => r.model)).toEqual(a.ratings.map((r) => r.model));
      a.ratings.forEach((r, i) => {
        expect(b.ratings[i]!.rating).toBeCloseTo(r.rating, 8);
        expect(b.ratings[i]!.lower).toBeCloseTo(r.lower, 8);
        expect(b.ratings[i]!.upper).toBeCloseTo(r.upper, 8);
      });
      for (const m of arenaModels) expect(b.winRates[m.name]).toBeCloseTo(a.winRates[m.name]!, 12);
    });
  }
  it("the tally counts every vote once", () => {
    const t = simulateTally(arenaModels, { votes: 777, styleWeight: 0.3, seed: 2 });
    expect(t.wins.reduce((s, w) => s + w, 0)).toBe(777);
    expect(t.cells.length).toBe(777);
  });
});

describe("deriveElo (hand-worked)", () => {
  const models: ArenaModel[] = [
    { name: "A", accuracy: 0.8, length: 0, confidence: 0 },
    { name: "B", accuracy: 0.7, length: 1, confidence: 1 },
    { name: "C", accuracy: 0.6, length: 0.5, confidence: 0.5 },
  ];
  // Ratings put B first, then A, then C: one pair (A, B) swapped, two models moved.
  const run: ArenaRun = {
    ratings: [
      { model: "B", rating: 1040, lower: 1020, upper: 1060 },
      { model: "A", rating: 1010, lower: 990, upper: 1030 },
      { model: "C", rating: 950, lower: 931, upper: 969 },
    ],
    winRates: { A: 0.55, B: 0.6, C: 0.35 },
    votes: 900,
    bootstrap: 200,
  };
  const model = deriveElo({ styleWeight: 1, votes: 900, seed: 4 }, run, { models });
  it("ranks, pairs in opposite order, models that moved, the two leaders", () => {
    expect(model.rows.map((r) => [r.model, r.accuracyRank, r.ratingRank])).toEqual([
      ["A", 1, 2],
      ["B", 2, 1],
      ["C", 3, 3],
    ]);
    expect(model.discordant).toBe(1);
    expect(model.pairs).toBe(3);
    expect(model.moved).toBe(2);
    expect(model.topRating.model).toBe("B");
    expect(model.topAccuracy.model).toBe("A");
    expect(model.byRating.map((r) => r.model)).toEqual(["B", "A", "C"]);
    // Axis: 931 − 10 floored to tens, 1060 + 10 ceiled to tens.
    expect(model.ratingDomain).toEqual([920, 1070]);
  });
  it("notice and summary state the current leaders and numbers", () => {
    expect(noticeElo(model)).toContain("B tops the arena with 70% accuracy");
    expect(noticeElo(model)).toContain("A, is rated #2");
    expect(summaryElo(model)).toContain("1 of 3 pairs");
    expect(summaryElo(model)).toContain("1. B: rating 1040 (1020–1060), accuracy rank 2");
  });
  it("while dragging, fewer resamples than the full count", () => {
    expect(QUICK_BOOTSTRAP).toBeGreaterThanOrEqual(20);
    expect(QUICK_BOOTSTRAP).toBeLessThan(200);
  });
});

describe("arenaRun (the figure's run: point ratings from the tally, intervals from multinomial resamples)", () => {
  it("the same battles, ratings and win rates as runArena; intervals around each rating", () => {
    const v = { votes: 5000, styleWeight: 1.5, seed: 7 };
    const a = runArena(arenaModels, { ...v, bootstrap: 0 });
    const b = arenaRun(arenaModels, v, 200);
    expect(b.bootstrap).toBe(200);
    expect(b.ratings.map((r) => r.model)).toEqual(a.ratings.map((r) => r.model));
    a.ratings.forEach((r, i) => {
      const got = b.ratings[i]!;
      expect(got.rating).toBeCloseTo(r.rating, 8);
      // 5,000 votes among 8 models: each plays ≈ 1,250 battles, so a rating's standard error is
      // ≈ 400/ln 10 / √(1,250 × ¼) ≈ 10 Elo points and a 95% interval ≈ 40 wide, around the estimate.
      expect(got.upper - got.lower).toBeGreaterThan(25);
      expect(got.upper - got.lower).toBeLessThan(80);
      expect(got.lower).toBeLessThan(got.rating);
      expect(got.upper).toBeGreaterThan(got.rating);
    });
    for (const m of arenaModels) expect(b.winRates[m.name]).toBeCloseTo(a.winRates[m.name]!, 12);
  });
});
