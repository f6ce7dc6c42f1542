// Contamination: inflating chosen models re-sorts the board as worked by hand; the measured gaps
// are summarised as the source table says (medians recomputed here from data/contamination.csv).
import { readFileSync } from "node:fs";
import { median } from "d3-array";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { ContaminationRow } from "../../../src/components/data/types.ts";
import { gapSummary, inflateBoard } from "../../../src/components/figures/contamination.ts";

const board = [
  { model: "a", score: 0.8 },
  { model: "b", score: 0.78 },
  { model: "c", score: 0.75 },
  { model: "d", score: 0.7 },
];

describe("inflateBoard", () => {
  it("inflating the weakest by 7 pp lifts it from 4th to 2nd (hand-worked)", () => {
    const rows = inflateBoard(board, { inflationPp: 7, share: 0.25, who: "bottom" });
    const d = rows.find((r) => r.model === "d")!;
    expect(d.contaminated).toBe(true);
    expect(d.shownScore).toBeCloseTo(0.77, 12);
    expect([d.trueRank, d.shownRank]).toEqual([4, 3]);
    const rows2 = inflateBoard(board, { inflationPp: 9, share: 0.25, who: "bottom" });
    expect(rows2.find((r) => r.model === "d")!.shownRank).toBe(2);
    expect(rows2.find((r) => r.model === "b")!.shownRank).toBe(3);
  });

  it("0 pp or a share of 0 changes nothing", () => {
    for (const rows of [
      inflateBoard(board, { inflationPp: 0, share: 1 }),
      inflateBoard(board, { inflationPp: 10, share: 0 }),
    ]) {
      expect(rows.every((r) => r.shownRank === r.trueRank)).toBe(true);
    }
  });

  it("inflating everyone by the same amount keeps the order", () => {
    const rows = inflateBoard(board, { inflationPp: 5, share: 1 });
    expect(rows.every((r) => r.contaminated && r.shownRank === r.trueRank)).toBe(true);
  });

  it("caps at 100% and picks the strongest when asked", () => {
    const rows = inflateBoard(
      [
        { model: "x", score: 0.97 },
        { model: "y", score: 0.5 },
      ],
      { inflationPp: 10, share: 0.5, who: "top" },
    );
    expect(rows[0]!.shownScore).toBe(1);
    expect(rows[1]!.contaminated).toBe(false);
  });

  it("random choice is seeded: same seed, same models; the count follows the share", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ model: `m${i}`, score: 0.9 - i * 0.01 }));
    const pick = (seed: number) =>
      inflateBoard(twenty, { inflationPp: 4, share: 0.25, seed })
        .filter((r) => r.contaminated)
        .map((r) => r.model);
    expect(pick(3)).toEqual(pick(3));
    expect(pick(3)).toHaveLength(5);
    expect(pick(3)).not.toEqual(pick(4));
  });
});

describe("measured gaps", () => {
  const csv = csvParse(readFileSync("data/contamination.csv", "utf8"));

  it("summarises each study with the median of the source's gap_pp", () => {
    const rows: ContaminationRow[] = csv.map((r) => ({
      study: r.source!.includes("2405.00332v4")
        ? "gsm1k"
        : r.source!.includes("gsm1k_eval")
          ? "gsm1k-v1"
          : r.source!.includes("MMLU-CF")
            ? "mmlu-cf"
            : "clean-dirty",
      model: r.model!,
      benchmark: r.benchmark!,
      clean: null,
      original: null,
      gapPp: Number(r.gap_pp),
      method: "",
      source: r.source!,
    }));
    const s = Object.fromEntries(gapSummary(rows).map((x) => [x.study, x]));
    expect(s.gsm1k!.count).toBe(63);
    expect(s["gsm1k-v1"]!.count).toBe(52);
    expect(s["mmlu-cf"]!.count).toBe(44);
    // Li et al.'s table has 3 tests × 2 kinds of "dirty"; its "Average" lines are means of those, not measurements.
    expect(s["clean-dirty"]!.count).toBe(6);
    for (const study of ["gsm1k", "gsm1k-v1", "mmlu-cf", "clean-dirty"] as const) {
      expect(s[study]!.median).toBeCloseTo(
        median(
          rows.filter((r) => r.study === study && !r.benchmark.startsWith("Average")).map((r) => r.gapPp),
        )!,
        10,
      );
    }
    // −0.96, 3.3, 6.22, 7.29, 10.77, 11.12: the median is (6.22 + 7.29) / 2.
    expect(s["clean-dirty"]!.median).toBeCloseTo(6.755, 10);
    // Llama-2 70B, clean vs "input-and-label dirty" (Li et al. 2023): ARC +11.12 pp is the largest of that study.
    expect(s["clean-dirty"]!.max).toBeCloseTo(11.12, 10);
  });
});
