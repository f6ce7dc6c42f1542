// The scaling figure filters the published table once per benchmark and source: the memo gives
// the same array back for the same inputs, and exactly scalingPoints' answer for new ones.
import { describe, expect, it } from "vitest";
import { scalingPoints, scalingPointsOf } from "../../../src/components/figures/scalingConfound.ts";
import { readPublishedScores } from "../../../src/data/tables.ts";

const rows = readPublishedScores();

describe("scalingPointsOf", () => {
  it("same benchmark and source → the same array, equal to scalingPoints", () => {
    const pointsOf = scalingPointsOf(rows);
    const mmlu = pointsOf("MMLU");
    expect(pointsOf("MMLU", "all")).toBe(mmlu);
    expect(mmlu).toEqual(scalingPoints(rows, "MMLU"));
  });

  it("another source or benchmark → recomputed, with its own points", () => {
    const pointsOf = scalingPointsOf(rows);
    const all = pointsOf("MMLU");
    const leaderboard = pointsOf("MMLU", "leaderboard");
    expect(leaderboard).not.toBe(all);
    expect(leaderboard).toEqual(scalingPoints(rows, "MMLU", "leaderboard"));
    expect(leaderboard.length).toBeLessThan(all.length);
    expect(leaderboard.every((p) => /leaderboard/i.test(p.evaluator))).toBe(true);
    const gsm = pointsOf("GSM8K");
    expect(gsm).toEqual(scalingPoints(rows, "GSM8K"));
    expect(gsm.length).toBeGreaterThan(0);
    expect(gsm).not.toEqual(all);
  });
});
