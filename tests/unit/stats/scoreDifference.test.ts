// scoreDifference against R (tests/reference/scoreDifference.R): two published MMLU scores,
// 72% and 68% of 14,042 questions, so k = 10,110 and 9,549 (round(p·N), worked by hand).
import { describe, expect, it } from "vitest";
import { scoreDifference } from "../../../src/components/stats/scoreDifference.ts";

describe("scoreDifference, against R's prop.test (correct = FALSE)", () => {
  const s = scoreDifference({ score: 72, n: 14042 }, { score: 68, n: 14042 })!;

  it("each score's Wilson interval", () => {
    expect(s.a.lower).toBeCloseTo(0.7124969686, 9);
    expect(s.a.upper).toBeCloseTo(0.7273485201, 9);
    expect(s.b.lower).toBeCloseTo(0.6722677132, 9);
    expect(s.b.upper).toBeCloseTo(0.6876964808, 9);
  });

  it("the difference (10110 − 9549) / 14042, its unpooled interval and the pooled test's p-value", () => {
    expect(s.diff).toBeCloseTo(561 / 14042, 12);
    expect(s.lower).toBeCloseTo(0.0292427372, 9);
    expect(s.upper).toBeCloseTo(0.0506604105, 9);
    expect(s.pValue / 2.770428665e-13).toBeCloseTo(1, 3);
  });

  it("the smallest gap found 80% of the time: (z.975 + z.80)·√(2·p̄(1−p̄)/N)", () => {
    expect(s.mdd).toBeCloseTo(0.0153218446, 8);
  });

  it("is null without N, with N below 1, or with a score no count of N questions gives", () => {
    expect(scoreDifference({ score: 72, n: null }, { score: 68, n: 14042 })).toBeNull();
    expect(scoreDifference({ score: 72, n: 0 }, { score: 68, n: 14042 })).toBeNull();
    expect(scoreDifference({ score: 140, n: 100 }, { score: 68, n: 100 })).toBeNull();
    expect(scoreDifference({ score: -1, n: 100 }, { score: 68, n: 100 })).toBeNull();
  });
});
