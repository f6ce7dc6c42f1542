// Rank overlap on constructed leaderboards: well-separated models get single ranks, identical
// models share a range, and the pairwise matrix is the two-proportion z-test of each pair.
import { describe, expect, it } from "vitest";
import type { Leaderboards } from "../../../src/components/data/types.ts";
import {
  boardOptions,
  leaderboardEntries,
  pairwiseRankIntervals,
  pairwiseSignificance,
  rankIntervalsOverlap,
  rankOverlapRows,
  rankOverlapSummary,
  rankTicks,
  tiedWith,
} from "../../../src/components/figures/rankOverlap.ts";
import { proportionInterval, rankIntervals } from "../../../src/components/stats/index.ts";

const separated = [
  { model: "A", scores: { x: 0.9 } },
  { model: "B", scores: { x: 0.7 } },
  { model: "C", scores: { x: 0.5 } },
  { model: "D", scores: { x: 0.3 } },
];
const identical = [
  { model: "P", scores: { x: 0.6 } },
  { model: "Q", scores: { x: 0.6 } },
  { model: "R", scores: { x: 0.6 } },
];

describe("leaderboardEntries", () => {
  it("turns a score into k of N at the chosen N (rounded)", () => {
    expect(leaderboardEntries([{ model: "m", scores: { mmlu: 0.7781 } }], "mmlu", 14042)).toEqual([
      { model: "m", k: 10926, n: 14042 },
    ]);
    // 0.7781 × 164 = 127.6 → 128
    expect(leaderboardEntries([{ model: "m", scores: { mmlu: 0.7781 } }], "mmlu", 164)[0]!.k).toBe(128);
  });
  it("leaves out models without that benchmark and clamps to [0, 1]", () => {
    const e = leaderboardEntries(
      [
        { model: "a", scores: { x: 1.2 } },
        { model: "b", scores: {} },
      ],
      "x",
      100,
    );
    expect(e).toEqual([{ model: "a", k: 100, n: 100 }]);
  });
});

describe("rank intervals on constructed boards", () => {
  it("well-separated models at a large N each get a single rank", () => {
    const entries = leaderboardEntries(separated, "x", 2000);
    const rows = rankOverlapRows(entries, rankIntervals(entries, { resamples: 500, seed: 3 }));
    expect(rows.map((r) => [r.rank, r.rankLower, r.rankUpper])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]);
    const s = rankOverlapSummary(rows, pairwiseSignificance(entries));
    expect(s.pinned).toBe(4);
    expect(s.significantPairs).toBe(6);
    expect(s.couldBeFirst).toBe(1);
  });

  it("identical models share the whole range of ranks and are all tied", () => {
    const entries = leaderboardEntries(identical, "x", 1000);
    const rows = rankOverlapRows(entries, rankIntervals(entries, { resamples: 1000, seed: 5 }));
    for (const r of rows) {
      expect(r.rank).toBe(1); // equal scores share the best rank
      expect([r.rankLower, r.rankUpper]).toEqual([1, 3]);
    }
    const pairs = pairwiseSignificance(entries);
    expect(pairs.every((p) => !p.significant && p.pValue === 1)).toBe(true);
    expect(tiedWith(rows, "P").sort()).toEqual(["Q", "R"]);
  });

  it("shrinking N dissolves a separated board into ties", () => {
    const close = [0.8, 0.79, 0.78, 0.77, 0.76].map((p, i) => ({ model: `m${i}`, scores: { x: p } }));
    const width = (n: number) => {
      const entries = leaderboardEntries(close, "x", n);
      const rows = rankOverlapRows(entries, rankIntervals(entries, { resamples: 1000, seed: 1 }));
      return rankOverlapSummary(rows, pairwiseSignificance(entries)).medianWidth;
    };
    expect(width(164)).toBeGreaterThanOrEqual(4);
    expect(width(100_000)).toBe(1);
  });

  it("score intervals are Wilson intervals of k of N", () => {
    const entries = leaderboardEntries(separated, "x", 200);
    const rows = rankOverlapRows(entries, rankIntervals(entries, { resamples: 50 }));
    const ci = proportionInterval(140, 200, { method: "wilson" });
    expect(rows[1]!.lower).toBeCloseTo(ci.lower, 12);
    expect(rows[1]!.upper).toBeCloseTo(ci.upper, 12);
  });
});

describe("pairwise significance", () => {
  it("matches a hand-worked two-proportion z-test", () => {
    // 80/100 vs 70/100: pooled p = 0.75, se = sqrt(0.75·0.25·(2/100)) = 0.061237, z = 1.63299, two-sided p = 0.10247
    const pairs = pairwiseSignificance([
      { model: "a", k: 80, n: 100 },
      { model: "b", k: 70, n: 100 },
    ]);
    expect(pairs).toHaveLength(2);
    expect(pairs[0]!.diffPp).toBeCloseTo(10, 10);
    expect(pairs[0]!.pValue).toBeCloseTo(0.10247, 4);
    expect(pairs[0]!.significant).toBe(false);
    expect(pairs[1]!.diffPp).toBeCloseTo(-10, 10);
  });
});

describe("tie rule and board options", () => {
  it("rank intervals overlap when they share a rank", () => {
    const row = (rankLower: number, rankUpper: number) => ({
      model: "",
      estimate: 0,
      lower: 0,
      upper: 0,
      rank: rankLower,
      rankLower,
      rankUpper,
    });
    expect(rankIntervalsOverlap(row(1, 3), row(3, 5))).toBe(true);
    expect(rankIntervalsOverlap(row(1, 2), row(3, 5))).toBe(false);
  });
  it("lists every benchmark of both boards with its N", () => {
    const boards = {
      v1: { benchmarks: [{ key: "mmlu", label: "MMLU", n: 14042, note: "" }] },
      v2: { benchmarks: [{ key: "musr_raw", label: "MuSR", n: 756, note: "" }] },
    } as unknown as Leaderboards;
    expect(boardOptions(boards).map((o) => [o.value, o.n])).toEqual([
      ["v1:mmlu", 14042],
      ["v2:musr_raw", 756],
    ]);
  });
});

describe("rankTicks", () => {
  it("uses round steps that fit", () => {
    expect(rankTicks(20, 142)).toEqual([1, 5, 10, 15, 20]);
    expect(rankTicks(8, 400)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rankTicks(29, 90)).toEqual([1, 20]);
  });
});

describe("pairwiseRankIntervals (the quick stand-in while dragging)", () => {
  it("pins well-separated models and spreads identical ones over the whole board", () => {
    const sep = pairwiseRankIntervals(leaderboardEntries(separated, "x", 2000));
    expect(sep.map((r) => [r.rank, r.lower, r.upper])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]);
    const same = pairwiseRankIntervals(leaderboardEntries(identical, "x", 1000));
    expect(same.map((r) => [r.rank, r.lower, r.upper])).toEqual([
      [1, 1, 3],
      [1, 1, 3],
      [1, 1, 3],
    ]);
  });
  it("counts the models significantly above and below (hand-worked)", () => {
    // 80/100, 79/100, 60/100: a vs b not significant; both beat c (p < 0.01).
    const r = pairwiseRankIntervals([
      { model: "a", k: 80, n: 100 },
      { model: "b", k: 79, n: 100 },
      { model: "c", k: 60, n: 100 },
    ]);
    expect(r.map((x) => [x.lower, x.upper])).toEqual([
      [1, 2],
      [1, 2],
      [3, 3],
    ]);
  });
});
