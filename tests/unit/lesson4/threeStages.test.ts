// The three-stage figure's model: the pilot's traffic worked by hand, its interval and power
// against R (qnorm, power.prop.test).
import { describe, expect, it } from "vitest";
import { deriveStages, stagesSummary } from "../../../src/components/figures/threeStages.ts";

const typical = { candidates: 20, shortlist: 3, requests: 2000, share: 0.05, days: 14 };
const e = { p: 0.8, gap: 5, n: 100, target: 0.8 };

describe("deriveStages", () => {
  const m = deriveStages(typical, e, { name: "MMLU", n: 14_042 });
  it("a typical plan: 2,000 a day × 5% × 14 days = 1,400 pilot interactions, 700 per finalist", () => {
    expect(m.plan.pilotTotal).toBe(1400);
    expect(m.plan.pilotPerArm).toBe(700);
    expect(m.before).toEqual([20, 3, 2]);
    // R: qnorm(0.975)·√(0.16/700)·100 = 2.963187018; power.prop.test(n = 700, p1 = 0.8, p2 = 0.75)$power = 0.6104956
    const s3 = m.plan.stages[2];
    expect(s3.halfWidthPp).toBeCloseTo(2.963187018, 8);
    expect(s3.power!).toBeCloseTo(0.6104956253, 6);
  });
  it("the summary states each stage's numbers", () => {
    const s = stagesSummary(m);
    expect(s).toContain("Stage 1: 20 candidates filtered to 3 on MMLU (14,042 questions");
    expect(s).toContain("Stage 3: 1,400 real interactions, 700 per finalist, ±3.0 pp");
    expect(s).toContain("1,094 needed");
  });
});
