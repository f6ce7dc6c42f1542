// The simulated arena: with no reward for style, the preference order is the accuracy order in
// expectation; with style rewarded, polished models climb; Bradley–Terry recovers known ratings.
import { describe, expect, it } from "vitest";
import { compareRankings, eloSummary } from "../../../src/components/figures/eloVsAccuracy.ts";
import {
  type ArenaModel,
  arenaModels,
  discordantPairs,
  expectedWinRate,
  orderRanks,
  preferenceProbability,
  runArena,
  simulateArena,
  styleOf,
} from "../../../src/components/sim/arena.ts";
import { type Battle, bradleyTerry, winProbability } from "../../../src/components/stats/bradleyTerry.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";

const accuracyOrder = [...arenaModels].sort((a, b) => b.accuracy - a.accuracy).map((m) => m.name);

describe("rater model", () => {
  it("is a logistic of correctness and weighted style (hand-worked)", () => {
    const a: ArenaModel = { name: "a", accuracy: 0.5, length: 1, confidence: 1 };
    const b: ArenaModel = { name: "b", accuracy: 0.5, length: 0, confidence: 0 };
    // both correct, weight 0.5: logistic(1.5 × 0.5 × 1) = 1 / (1 + e^-0.75) = 0.679179
    expect(preferenceProbability(a, b, true, true, 0.5)).toBeCloseTo(0.679179, 6);
    // A right, B wrong, no style: logistic(1.5) = 0.817574
    expect(preferenceProbability(a, b, true, false, 0)).toBeCloseTo(0.817574, 6);
    expect(styleOf(a)).toBe(1);
  });

  it("at weight 0 a more accurate model wins more than half its battles in expectation", () => {
    for (const a of arenaModels) {
      for (const b of arenaModels) {
        if (a === b) continue;
        const p = expectedWinRate(a, b, 0);
        if (a.accuracy > b.accuracy) expect(p).toBeGreaterThan(0.5);
        expect(p + expectedWinRate(b, a, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it("the simulated win share matches the expected win rate", () => {
    const [a, b] = [arenaModels[0]!, arenaModels[6]!];
    const battles = simulateArena([a, b], { votes: 40_000, styleWeight: 1, seed: 11 });
    const share = battles.filter((x) => (x.winner === "a" ? x.a : x.b) === a.name).length / battles.length;
    const expected = expectedWinRate(a, b, 1);
    // binomial sd at 40,000 votes ≈ 0.0025: allow 4 sd
    expect(Math.abs(share - expected)).toBeLessThan(0.01);
  });
});

describe("preference order vs accuracy order", () => {
  it("style weight 0 ⇒ the mean Bradley–Terry rating over seeds orders models by accuracy", () => {
    const seeds = 12;
    const total = new Map(arenaModels.map((m) => [m.name, 0]));
    for (let seed = 1; seed <= seeds; seed++) {
      const run = runArena(arenaModels, { votes: 20_000, styleWeight: 0, seed });
      for (const r of run.ratings) total.set(r.model, total.get(r.model)! + r.rating / seeds);
    }
    const preferenceOrder = [...total.entries()].sort((x, y) => y[1] - x[1]).map(([m]) => m);
    expect(preferenceOrder).toEqual(accuracyOrder);
  });

  it("style weight 0 ⇒ the expected win rates order models by accuracy (no simulation noise)", () => {
    const strength = arenaModels.map((a) =>
      arenaModels.reduce((s, b) => (a === b ? s : s + expectedWinRate(a, b, 0)), 0),
    );
    expect(
      discordantPairs(
        arenaModels.map((m) => m.accuracy),
        strength,
      ),
    ).toBe(0);
  });

  it("a large style weight reorders the board: the most accurate model is not first", () => {
    const strength = arenaModels.map((a) =>
      arenaModels.reduce((s, b) => (a === b ? s : s + expectedWinRate(a, b, 1)), 0),
    );
    expect(
      discordantPairs(
        arenaModels.map((m) => m.accuracy),
        strength,
      ),
    ).toBeGreaterThan(10);
    const run = runArena(arenaModels, { votes: 20_000, styleWeight: 1, seed: 2 });
    const s = eloSummary(compareRankings(arenaModels, run));
    expect(s.topRating.model).not.toBe("Terse Expert");
    expect(s.topAccuracy.ratingRank).toBeGreaterThan(3);
  });

  it("is deterministic for a seed", () => {
    expect(simulateArena(arenaModels, { votes: 200, styleWeight: 0.5, seed: 4 })).toEqual(
      simulateArena(arenaModels, { votes: 200, styleWeight: 0.5, seed: 4 }),
    );
  });

  it("rejects an arena of one model or a non-integer vote count", () => {
    expect(() => simulateArena([arenaModels[0]!], { votes: 10, styleWeight: 0 })).toThrow(RangeError);
    expect(() => simulateArena(arenaModels, { votes: 1.5, styleWeight: 0 })).toThrow(RangeError);
  });
});

describe("Bradley–Terry recovers known ratings", () => {
  it("from battles simulated at known Elo ratings, each true rating lies within its interval", () => {
    const truth: Record<string, number> = { A: 1150, B: 1060, C: 1000, D: 950, E: 840 };
    const names = Object.keys(truth);
    const rng = seededRandom(21);
    const battles: Battle[] = [];
    for (let t = 0; t < 6000; t++) {
      const i = Math.floor(rng() * names.length);
      let j = Math.floor(rng() * (names.length - 1));
      if (j >= i) j++;
      const [a, b] = [names[i]!, names[j]!];
      battles.push({ a, b, winner: rng() < winProbability(truth[a]!, truth[b]!) ? "a" : "b" });
    }
    const fit = bradleyTerry(battles, { bootstrap: 200, seed: 3, prior: 0 });
    // The fit is centred on 1000 like the truth's mean (1000): compare directly.
    const inside = fit.filter((r) => r.lower <= truth[r.model]! && truth[r.model]! <= r.upper).length;
    expect(inside).toBeGreaterThanOrEqual(4);
    expect(fit.map((r) => r.model)).toEqual(names);
    for (const r of fit) expect(Math.abs(r.rating - truth[r.model]!)).toBeLessThan(30);
  });

  it("fewer votes give wider intervals", () => {
    const width = (votes: number) => {
      const run = runArena(arenaModels, { votes, styleWeight: 0.5, seed: 9, bootstrap: 60 });
      return run.ratings.reduce((s, r) => s + (r.upper - r.lower), 0) / run.ratings.length;
    };
    expect(width(500)).toBeGreaterThan(2 * width(8000));
  });
});

describe("ranking helpers", () => {
  it("orderRanks and discordantPairs (hand-worked)", () => {
    expect(orderRanks([0.5, 0.9, 0.7])).toEqual([3, 1, 2]);
    // x order a>b>c, y order c>b>a: all 3 pairs flip
    expect(discordantPairs([3, 2, 1], [1, 2, 3])).toBe(3);
    expect(discordantPairs([3, 2, 1], [3, 1, 2])).toBe(1);
  });
});
