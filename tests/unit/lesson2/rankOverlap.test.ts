// Rank overlap on constructed leaderboards: well-separated models get single ranks, identical
// models share a range, and the pairwise matrix is the two-proportion z-test of each pair.
import { describe, expect, it } from "vitest";
import type { Leaderboards } from "../../../src/components/data/types.ts";
import {
  middleClip,
  rankIntervalsOverlap,
  rankOverlapLayout,
  rankTicks,
  tiedWith,
} from "../../../src/components/figures/parts/rankChartLayout.ts";
import { rankOverlapRows, rankOverlapSummary } from "../../../src/components/figures/parts/rankRows.ts";
import { matrixCells } from "../../../src/components/figures/parts/significanceMatrix.ts";
import { boardOptions, leaderboardEntries } from "../../../src/components/figures/rankOverlap/boards.ts";
import { rankOverlapPlan } from "../../../src/components/figures/rankOverlap/plan.ts";
import { proportionInterval } from "../../../src/components/stats/intervals.ts";
import { pairwiseRankIntervals, pairwiseSignificance } from "../../../src/components/stats/pairwise.ts";
import { rankIntervals } from "../../../src/components/stats/ranks.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";

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

// A board like Lesson 2's: 20 close scores on a large N, so ranks overlap in runs.
const close20 = Array.from({ length: 20 }, (_, i) => ({
  model: `org/model-${String(i).padStart(2, "0")}-with-a-rather-long-name`,
  scores: { x: 0.8 - 0.0017 * i },
}));

describe("pairwise tests run once per pair", () => {
  it("every ordered pair equals the stats core's test of that pair (difference and p exactly)", () => {
    const entries = leaderboardEntries(close20, "x", 5000);
    const pairs = pairwiseSignificance(entries);
    expect(pairs).toHaveLength(20 * 19);
    let i = 0;
    for (const a of entries)
      for (const b of entries) {
        if (a === b) continue;
        const t = twoProportionTest(a, b);
        const p = pairs[i++]!;
        expect([p.a, p.b]).toEqual([a.model, b.model]);
        expect(p.diffPp).toBe(100 * t.diff);
        expect(p.pValue).toBe(t.pValue);
        expect(p.significant).toBe(t.pValue < 0.05);
      }
  });
  it("rank intervals from the board's pairs equal those that run the tests again", () => {
    for (const n of [164, 1319, 14042, 100_000]) {
      const entries = leaderboardEntries(close20, "x", n);
      expect(pairwiseRankIntervals(entries, { pairs: pairwiseSignificance(entries) })).toEqual(
        pairwiseRankIntervals(entries),
      );
    }
  });
});

describe("matrixCells", () => {
  it("orders by rank and counts each significant pair once, as the summary does", () => {
    const entries = leaderboardEntries(close20, "x", 14042);
    const rows = rankOverlapRows(entries, pairwiseRankIntervals(entries));
    const pairs = pairwiseSignificance(entries);
    const m = matrixCells(rows, pairs);
    expect(m.ordered.map((r) => r.rank)).toEqual([...m.ordered.map((r) => r.rank)].sort((a, b) => a - b));
    expect(m.significantPairs).toBe(rankOverlapSummary(rows, pairs).significantPairs);
    expect(m.cells).toHaveLength(400);
    // Row by row: cell (i, j) is at (i − 1)·20 + (j − 1); the diagonal has no pair.
    const at = (i: number, j: number) => m.cells[(i - 1) * 20 + (j - 1)]!;
    expect(at(4, 4)).toMatchObject({ i: 4, j: 4, pair: null });
    expect(at(2, 5).pair).toMatchObject({ a: m.ordered[1]!.model, b: m.ordered[4]!.model });
    // Symmetric: a pair is significant both ways.
    for (let i = 1; i <= 20; i++)
      for (let j = 1; j <= 20; j++)
        if (i !== j) expect(at(i, j).pair!.significant).toBe(at(j, i).pair!.significant);
  });
});

describe("rankOverlapLayout", () => {
  const rows = (() => {
    const entries = leaderboardEntries(close20, "x", 14042);
    return rankOverlapRows(entries, pairwiseRankIntervals(entries));
  })();
  it("orders rows by rank, shortens names in the middle (versions stay apart), numbers true twins", () => {
    const twins = [
      { ...rows[0]!, model: "a/abcdefghijklmnopqrstuvwxyz-one", rank: 1 },
      { ...rows[1]!, model: "b/abcdefghijklmnopqrstuvwxyz-two", rank: 2 },
    ];
    const L = rankOverlapLayout(twins, { width: 700, maxLabel: 20 });
    // 20 characters: the first 11, "…", the last 8.
    expect(L.labels).toEqual(["1. abcdefghijk…wxyz-one", "2. abcdefghijk…wxyz-two"]);
    const same = rankOverlapLayout(
      [
        { ...rows[0]!, model: "a/same-name", rank: 1 },
        { ...rows[1]!, model: "b/same-name", rank: 2 },
      ],
      { width: 700 },
    );
    expect(same.labels).toEqual(["1. same-name", "2. same-name (2)"]);
    expect(middleClip("Rhea-72b-v0.5", 9)).toBe("Rhea-…0.5");
    expect(middleClip("short", 9)).toBe("short");
    const page = rankOverlapLayout([...rows].reverse(), { width: 700 });
    expect(page.ordered.map((r) => r.rank)).toEqual(rows.map((r) => r.rank).sort((a, b) => a - b));
  });
  it("puts the panels side by side from 560 px, and they fill the width", () => {
    const wide = rankOverlapLayout(rows, { width: 700 });
    expect(wide.sideBySide).toBe(true);
    expect(wide.score.width + 12 + wide.rank.width).toBe(700);
    expect(wide.height).toBe(44 + 36 + 20 * 24);
    const narrow = rankOverlapLayout(rows, { width: 390 });
    expect(narrow.sideBySide).toBe(false);
    expect(narrow.score.width).toBe(390);
    // Each label, at a generous 0.62 em a character of its 12.5 px font, fits its column.
    for (const l of narrow.labels)
      expect(l.length * 0.62 * 12.5).toBeLessThanOrEqual(narrow.score.marginLeft - 8);
    // On a 390 px phone the figure is about 280–326 px wide: the column takes at most 56% of it.
    const phone = rankOverlapLayout(
      [
        { ...rows[0]!, model: "Contamination/contaminated_proof_7b_v1.0", rank: 19 },
        { ...rows[1]!, model: "Contamination/contaminated_proof_7b_v1.0_safetensor", rank: 20 },
      ],
      { width: 326 },
    );
    expect(phone.score.marginLeft).toBeLessThanOrEqual(Math.round(326 * 0.56));
    for (const l of phone.labels)
      expect(l.length * 0.62 * 12.5).toBeLessThanOrEqual(phone.score.marginLeft - 8);
    expect(phone.labels[0]).not.toBe(phone.labels[1]);
  });
  it("the score axis covers every interval; the rank axis spans the whole board", () => {
    const L = rankOverlapLayout(rows.slice(0, 8), { width: 700, boardSize: 20 });
    for (const r of rows.slice(0, 8)) {
      expect(L.score.domain[0]).toBeLessThan(100 * r.lower);
      expect(L.score.domain[1]).toBeGreaterThan(100 * r.upper);
    }
    expect(L.boardSize).toBe(20);
    expect(L.rank.ticks.at(-1)).toBe(20);
  });
});

describe("rankOverlapPlan", () => {
  it("on the page: chart above the matrix, matrix beside it from 1000 px", () => {
    expect(rankOverlapPlan(20, 688, null)).toMatchObject({ shown: 20, wide: false, chartWidth: 688 });
    expect(rankOverlapPlan(20, 1200, null)).toMatchObject({ shown: 20, wide: true, chartWidth: 884 });
  });
  it("presented at 1920×1080 (≈ 690 × 460 px before the zoom): all 20 models, rows ≥ 15 px, one row of panels", () => {
    const plan = rankOverlapPlan(20, 690, 460);
    expect(plan.shown).toBe(20);
    expect(plan.chart.rowHeight).toBeGreaterThanOrEqual(15);
    const chartHeight = 44 + plan.chart.marginBottom! + 20 * plan.chart.rowHeight!;
    expect(chartHeight + 44).toBeLessThanOrEqual(460);
    expect(plan.chartWidth + 20 + plan.matrixWidth).toBeLessThanOrEqual(690);
    // Labels at 11.5 px: 20.7 px on screen at the 1.8 zoom.
    expect((plan.chart.fontSize! - 0.5) * 1.8).toBeGreaterThanOrEqual(16);
  });
  it("a short screen shows fewer models rather than smaller ones", () => {
    const plan = rankOverlapPlan(20, 690, 300);
    expect(plan.shown).toBeLessThan(20);
    expect(plan.chart.rowHeight).toBeGreaterThanOrEqual(15);
    expect(44 + plan.chart.marginBottom! + plan.shown * plan.chart.rowHeight! + 44).toBeLessThanOrEqual(300);
  });
});
