// The scaling figure's model on five hand-made published scores, worked by hand below.
import { describe, expect, it } from "vitest";
import type { PublishedScore } from "../../../src/components/data/types.ts";
import {
  deriveScalingConfound,
  scalingConfoundNotice,
  scalingConfoundSummary,
  scalingPointsOf,
} from "../../../src/components/figures/scalingConfound.ts";

const score = (model: string, params_b: number | null, s: number, evaluator = "Lab", benchmark = "MMLU") =>
  ({
    model,
    model_family: null,
    variant: null,
    params_b,
    params_source: null,
    release_date: null,
    benchmark,
    score: s,
    metric: "accuracy",
    shots: "5",
    cot: "no",
    extra_setting: null,
    evaluator,
    evaluator_type: "self-reported",
    source: "paper",
    note: null,
  }) satisfies PublishedScore;

const rows: PublishedScore[] = [
  score("Small", 7, 63.5),
  score("Mid", 34, 70),
  score("Big", 70.554, 78.2, "Open LLM Leaderboard"),
  score("Huge", 405, 85.2),
  score("Closed", null, 90),
  score("Other", 8, 50, "Lab", "GSM8K"),
];

describe("deriveScalingConfound", () => {
  it("plots the sized MMLU scores by class, with the raw and per-parameter leaders", () => {
    const m = deriveScalingConfound(
      { benchmark: "MMLU", source: "all", framing: "raw" },
      scalingPointsOf(rows),
    );
    // Closed has no size; Other is GSM8K: four points, one per class.
    expect(m.points.map((p) => p.model)).toEqual(["Small", "Mid", "Big", "Huge"]);
    expect(m.classes.map((c) => [c.id, c.count, c.best?.model ?? null])).toEqual([
      ["≤ 10B", 1, "Small"],
      ["10–40B", 1, "Mid"],
      ["40–100B", 1, "Big"],
      ["> 100B", 1, "Huge"],
    ]);
    // Per billion parameters: 63.5/7 = 9.0714, 70/34 = 2.0588, 78.2/70.554 = 1.1084, 85.2/405 = 0.2104.
    expect(m.bestRaw?.model).toBe("Huge");
    expect(m.bestPerParam?.model).toBe("Small");
    expect(m.bestPerParam?.perParam).toBeCloseTo(9.0714286, 6);
    expect(m.perParam).toBe(false);
    expect(scalingConfoundNotice(m)).toMatch(/^The best raw score, 85\.2, is Huge's \(405B, > 100B\)\. /);
    expect(scalingConfoundSummary(m)).toBe(
      "4 MMLU scores plotted against parameters (all published numbers), as raw scores. ≤ 10B: 1 scores, best Small at 63.5; 10–40B: 1 scores, best Mid at 70; 40–100B: 1 scores, best Big at 78.2; > 100B: 1 scores, best Huge at 85.2.",
    );
  });

  it("per parameter, the smallest model leads; one harness keeps only its rows", () => {
    const pointsOf = scalingPointsOf(rows);
    const per = deriveScalingConfound({ benchmark: "MMLU", source: "all", framing: "per-param" }, pointsOf);
    expect(scalingConfoundNotice(per)).toContain("Small (7B) leads with 9.07 points per billion parameters");
    const one = deriveScalingConfound({ benchmark: "MMLU", source: "leaderboard", framing: "raw" }, pointsOf);
    expect(one.points.map((p) => [p.model, p.params])).toEqual([["Big", 70.554]]);
    const none = deriveScalingConfound(
      { benchmark: "HellaSwag", source: "all", framing: "per-param" },
      pointsOf,
    );
    expect(none.bestPerParam).toBeNull();
    expect(scalingConfoundNotice(none)).toMatch(/^Per parameter, the ranking turns upside down\. /);
  });
});
